package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * 50 members race for 20 seats, then 10 seat holders and 3 of the last waitlisted cancel at once, all over real
 * HTTP. Whatever the interleaving: seats never exceed the capacity at any point of the registration log, the
 * waitlist is served strictly in order of registration, and nobody is promoted twice.
 */
class WaitlistRaceTests extends EventsTest {

	static final int CAPACITY = 20;

	static final int MEMBERS = 50;

	record Row(UUID id, UUID member, long seq, String status) {
	}

	record LogEntry(UUID registration, String action) {
	}

	@Test
	void seatsNeverExceedCapacityAndFreedSeatsGoToTheWaitlistInOrderExactlyOnce() throws Exception {
		UUID event = createEvent(eventBody("Гонка за местами", CAPACITY));
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			members.add(member());
		}

		List<Http.Response> registered = race(members, m -> register(m, event));

		assertThat(registered).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		List<Row> afterRegistration = rows(event);
		assertThat(afterRegistration).filteredOn(r -> r.status().equals("confirmed")).hasSize(CAPACITY);
		List<Row> waitlist = afterRegistration.stream().filter(r -> r.status().equals("waitlist")).toList();
		assertThat(waitlist).hasSize(MEMBERS - CAPACITY);
		// nobody confirmed registered after anybody waitlisted: seats went first come, first served
		long lastConfirmed = afterRegistration.stream().filter(r -> r.status().equals("confirmed")).mapToLong(Row::seq).max().orElseThrow();
		assertThat(waitlist).allSatisfy(w -> assertThat(w.seq()).isGreaterThan(lastConfirmed));

		Map<UUID, Member> byId = new HashMap<>();
		members.forEach(m -> byId.put(m.id(), m));
		List<Member> leaving = new ArrayList<>();
		afterRegistration.stream().filter(r -> r.status().equals("confirmed")).limit(10).forEach(r -> leaving.add(byId.get(r.member())));
		waitlist.subList(waitlist.size() - 3, waitlist.size()).forEach(r -> leaving.add(byId.get(r.member())));

		List<Http.Response> cancelled = race(leaving, m -> cancel(m, event));

		assertThat(cancelled).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
		List<Row> after = rows(event);
		assertThat(after).filteredOn(r -> r.status().equals("confirmed")).hasSize(CAPACITY);
		assertThat(after).filteredOn(r -> r.status().equals("waitlist")).hasSize(MEMBERS - CAPACITY - 10 - 3);
		List<UUID> promotedInLogOrder = log(event).stream()
			.filter(e -> e.action().equals("promoted"))
			.map(LogEntry::registration)
			.toList();
		assertThat(promotedInLogOrder).doesNotHaveDuplicates()
			.containsExactlyElementsOf(waitlist.subList(0, 10).stream().map(Row::id).toList());
		assertThat(event(admin, event).path("registered_count").asInt()).isEqualTo(CAPACITY);
		assertSeatsNeverExceededCapacity(event);
	}

	/** Replays the log: seats taken after every step stay within the capacity. */
	private void assertSeatsNeverExceededCapacity(UUID event) {
		Map<UUID, Boolean> seated = new HashMap<>();
		int seats = 0;
		int max = 0;
		for (LogEntry entry : log(event)) {
			switch (entry.action()) {
				case "confirmed", "promoted" -> {
					seated.put(entry.registration(), true);
					seats++;
				}
				case "cancelled" -> {
					if (Boolean.TRUE.equals(seated.remove(entry.registration()))) {
						seats--;
					}
				}
				default -> {
				}
			}
			max = Math.max(max, seats);
		}
		assertThat(max).isEqualTo(CAPACITY);
		assertThat(seats).isEqualTo(CAPACITY);
	}

	private <T> List<T> race(List<Member> members, Function<Member, T> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(members.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Member m : members) {
				Callable<T> task = () -> {
					start.await();
					return call.apply(m);
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<Row> rows(UUID event) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT id, member_id, seq, status FROM events.registrations WHERE event_id = :e ORDER BY seq""")
			.param("e", event)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
					rs.getString(4)))
			.list());
	}

	private List<LogEntry> log(UUID event) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT registration_id, action FROM events.registration_log WHERE event_id = :e ORDER BY seq""")
			.param("e", event)
			.query((rs, n) -> new LogEntry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list());
	}
}
