package io.krug.demo;

import io.krug.events.EventsApi;
import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.Role;
import io.krug.ledger.LedgerApi;
import io.krug.loyalty.purchases.Customer;
import io.krug.loyalty.purchases.PurchaseRecorder;
import io.krug.loyalty.purchases.RecordPurchase;
import io.krug.loyalty.status.NightlyRecompute;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --krug.demo=true}: fills an empty default program with the seed's pilot (seed 003, "Текущий статус"):
 * five partner businesses with an owner and a manager each, about 500 members, and six months of purchases spread
 * over realistic days, recorded through the real purchase pipeline, so every API shows meaningful data on the first
 * run. Deterministic (fixed seed); skipped when the program already has businesses.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("krug.demo")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String STAFF_PASSWORD = "krug-demo-password";

	private final Programs programs;

	private final PartnersApi partners;

	private final IdentityApi identity;

	private final PurchaseRecorder purchases;

	private final LedgerApi ledger;

	private final NightlyRecompute statuses;

	private final Clock clock;

	private final EventsApi events;

	DemoData(Programs programs, PartnersApi partners, IdentityApi identity, PurchaseRecorder purchases, LedgerApi ledger,
			NightlyRecompute statuses, EventsApi events, Clock clock) {
		this.events = events;
		this.programs = programs;
		this.partners = partners;
		this.identity = identity;
		this.purchases = purchases;
		this.ledger = ledger;
		this.statuses = statuses;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Program program = programs.findDefault().orElseThrow();
		TenantContext.run(program.id(), () -> {
			if (partners.categories().isEmpty()) {
				log.warn("Demo data skipped: the program's categories are not set up yet");
				return;
			}
			if (partners.countBusinesses() > 0) {
				log.info("Demo data skipped: the default program already has businesses");
				return;
			}
			long started = System.nanoTime();
			List<DemoBusiness> businesses = enrolBusinesses(program);
			List<UUID> members = enrolMembers();
			int recorded = recordPurchases(program, businesses, members);
			int clubEvents = addEvents(program, businesses, members);
			log.info("Demo data ready: {} businesses, {} members, {} purchases, {} events with registrations and "
					+ "proposals in {} s; staff log in as owner@<business>.demo / manager@<business>.demo (password in "
					+ "the README)", businesses.size(), members.size(), recorded, clubEvents,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		});
	}

	private List<DemoBusiness> enrolBusinesses(Program program) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), program.timeZone());
		List<DemoBusiness> enrolled = new ArrayList<>();
		for (DemoBusiness.Spec spec : DemoBusiness.PILOT) {
			UUID id = partners.enrolBusiness(spec.name(), spec.category(), spec.description(), spec.address(),
					today.minusMonths(spec.monthsInProgram()));
			identity.createStaff("owner@" + spec.slug() + ".demo", spec.owner(), Role.BUSINESS_OWNER, id,
					STAFF_PASSWORD);
			identity.createStaff("manager@" + spec.slug() + ".demo", "Администратор " + spec.name(),
					Role.BUSINESS_MANAGER, id, STAFF_PASSWORD);
			enrolled.add(new DemoBusiness(id, spec));
		}
		return enrolled;
	}

	private List<UUID> enrolMembers() {
		Random random = new Random(2025);
		List<IdentityApi.NewMember> people = new ArrayList<>();
		for (int i = 0; i < DemoBusiness.MEMBERS; i++) {
			String phone = "+7916" + String.format("%07d", 1_000_000 + i * 7919 % 9_000_000);
			people.add(new IdentityApi.NewMember(phone, DemoBusiness.FIRST_NAMES[random.nextInt(DemoBusiness.FIRST_NAMES.length)],
					DemoBusiness.LAST_NAMES[random.nextInt(DemoBusiness.LAST_NAMES.length)], "demo"));
		}
		return identity.enrolMembers(people);
	}

	/** Six months of visits: each member has favourite businesses, a rhythm, and a typical check per business. */
	private int recordPurchases(Program program, List<DemoBusiness> businesses, List<UUID> members) {
		Random random = new Random(42);
		Instant now = clock.instant();
		Instant start = now.minus(182, ChronoUnit.DAYS);
		List<Visit> visits = new ArrayList<>();
		for (UUID member : members) {
			double rhythm = 0.4 + random.nextDouble() * 2.6; // visits a month
			int favourites = 1 + random.nextInt(Math.min(4, businesses.size()));
			List<DemoBusiness> chosen = new ArrayList<>(businesses);
			java.util.Collections.shuffle(chosen, random);
			chosen = chosen.subList(0, favourites);
			int count = (int) Math.round(rhythm * 6 * (0.7 + random.nextDouble() * 0.6));
			for (int v = 0; v < count; v++) {
				DemoBusiness business = chosen.get(random.nextInt(chosen.size()));
				visits.add(new Visit(member, business, moment(random, start, now, program), business.spec().check(random)));
			}
		}
		visits.sort(Comparator.comparing(Visit::at));
		int recorded = 0;
		Instant released = start;
		for (Visit visit : visits) {
			if (visit.at().isAfter(released.plus(Duration.ofDays(1)))) {
				ledger.releasePending(visit.at());
				released = visit.at();
			}
			BigDecimal spend = random.nextInt(5) == 0
					? ledger.balance(visit.member()).available().min(visit.amount().multiply(new BigDecimal("0.30")))
						.setScale(0, java.math.RoundingMode.DOWN)
					: BigDecimal.ZERO;
			try {
				purchases.record(new RecordPurchase(visit.business().id(), new Customer.ByMember(visit.member()),
						visit.amount(), null, visit.business().spec().service(random), null, visit.at(),
						spend.signum() > 0 ? spend : null, random.nextInt(4) == 0, null, "demo", "system:demo"));
				recorded++;
			}
			catch (KrugException rejected) {
				log.debug("Demo purchase skipped: {}", rejected.getMessage());
			}
		}
		ledger.releasePending(now);
		statuses.run(program);
		return recorded;
	}

	/** Upcoming club events at the partners, members registered for them, and proposals with votes. */
	private int addEvents(Program program, List<DemoBusiness> businesses, List<UUID> members) {
		Random random = new Random(7);
		java.time.LocalDateTime base = java.time.LocalDate.ofInstant(clock.instant(), program.timeZone())
			.plusDays(5)
			.atTime(19, 0);
		record Idea(String title, String type, int business, int capacity, MemberStatus minStatus, int inDays) {
		}
		List<Idea> ideas = List.of(new Idea("Дегустация сыров и вин", "tasting", 1, 24, MemberStatus.INSIDER, 0),
				new Idea("Мастер-класс по уходу за кожей", "masterclass", 3, 16, MemberStatus.INSIDER, 3),
				new Idea("VIP-вечер в салоне: новые техники маникюра", "party", 0, 12, MemberStatus.VIP, 8),
				new Idea("Лекция о здоровье зубов с главврачом", "lecture", 2, 30, MemberStatus.INSIDER, 12),
				new Idea("Закрытый ужин с собственницами", "dinner", 1, 10, MemberStatus.ELITE, 20));
		List<UUID> created = new ArrayList<>();
		for (Idea idea : ideas) {
			java.time.LocalDateTime start = base.plusDays(idea.inDays());
			created.add(events.createEvent(new EventsApi.NewEvent(idea.title(), "Мероприятие клуба для участниц.",
					idea.type(), "free", BigDecimal.ZERO, start, start.plusHours(2),
					businesses.get(idea.business()).id(), idea.capacity(), idea.minStatus(), false)));
		}
		List<UUID> shuffled = new ArrayList<>(members);
		java.util.Collections.shuffle(shuffled, random);
		for (UUID member : shuffled.subList(0, Math.min(120, shuffled.size()))) {
			try {
				events.register(created.get(random.nextInt(created.size())), member, false);
			}
			catch (KrugException notAllowed) {
				log.debug("Demo registration skipped: {}", notAllowed.getMessage());
			}
		}
		List<UUID> vips = members.stream()
			.filter(m -> identity.findMember(m).map(s -> s.status() != MemberStatus.INSIDER).orElse(false))
			.toList();
		if (vips.size() >= 3) {
			List<String> titles = List.of("Пикник в ботаническом саду", "Книжный клуб в Лисичкино",
					"Выездной уикенд в Суздаль");
			for (int i = 0; i < titles.size(); i++) {
				UUID proposal = events.propose(vips.get(i), new EventsApi.NewProposal(titles.get(i),
						"Предложение участницы клуба.", "meetup", null, null, null, 20, "all", null));
				for (UUID voter : vips) {
					events.vote(proposal, voter, random.nextInt(4) != 0);
				}
			}
		}
		return created.size();
	}

	/** A moment in [start, end): busier on Fridays and weekends, in opening hours of the program's time zone. */
	private static Instant moment(Random random, Instant start, Instant end, Program program) {
		while (true) {
			long span = end.getEpochSecond() - start.getEpochSecond() - 3600;
			ZonedDateTime at = Instant.ofEpochSecond(start.getEpochSecond() + (long) (random.nextDouble() * span))
				.atZone(program.timeZone());
			int weekday = at.getDayOfWeek().getValue();
			double busy = weekday >= 5 ? 1.0 : 0.6;
			int hour = 10 + (int) Math.round(Math.abs(random.nextGaussian()) * 4 + (weekday >= 6 ? 1 : 6));
			if (random.nextDouble() < busy && hour < 22) {
				return at.withHour(hour).withMinute(random.nextInt(60)).toInstant();
			}
		}
	}

	private record Visit(UUID member, DemoBusiness business, Instant at, BigDecimal amount) {
	}
}
