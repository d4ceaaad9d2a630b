package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NightlyJobTests extends StatusTest {

	@Autowired
	NightlyRecompute nightly;

	@Test
	void isScheduledOnDbSchedulerDailyAtThreeUtc() {
		Instant next = jdbc.sql("SELECT execution_time FROM platform.scheduled_tasks WHERE task_name = :t")
			.param("t", NightlyStatusJob.TASK)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		var utc = next.atOffset(ZoneOffset.UTC);
		assertThat(utc.getHour()).isEqualTo(3);
		assertThat(utc.getMinute()).isZero();
		assertThat(utc.getSecond()).isZero();
	}

	@Test
	void visitsEveryProgram() {
		Program first = programWithCategories();
		Program second = programWithCategories();
		UUID a = vipByPurchases(first);
		UUID b = vipByPurchases(second);

		nightly.runAll();

		assertThat(statusOf(first, a)).isEqualTo(VIP);
		assertThat(statusOf(second, b)).isEqualTo(VIP);
		assertThat(history(second, b)).containsExactly("insider>vip:nightly");
	}

	private UUID vipByPurchases(Program program) {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "10000.00", "optics");
		return member;
	}
}
