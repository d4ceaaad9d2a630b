package io.krug.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramCreated;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DefaultCategoriesTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	PartnersFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PartnersFixtures(programs, partners);
	}

	@Test
	void givesANewProgramTheSeedsNineCategories() {
		Program program = fixtures.newProgram();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);

		List<Category> categories = TenantContext.call(program.id(), partners::categories);
		assertThat(categories).extracting(Category::key)
			.containsExactly("beauty_salon", "cosmetology", "dentistry", "medicine", "gastronomy", "floristry",
					"optics", "home", "legal");
		assertThat(categories).filteredOn(Category::medical)
			.extracting(Category::key)
			.containsExactly("cosmetology", "dentistry", "medicine");
		assertThat(categories.get(0).name()).isEqualTo("Салон красоты");
	}

	@Test
	void createsTheCategoriesOnceWhenProgramCreatedIsDeliveredTwice() {
		Program program = fixtures.newProgramWithCategories();

		transactions.executeWithoutResult(
				tx -> events.publishEvent(new ProgramCreated(program.id(), program.slug(), false)));

		await().atMost(Duration.ofSeconds(20)).until(() -> completedDeliveries(program) == 2);
		assertThat(TenantContext.call(program.id(), partners::categories)).hasSize(9);
	}

	private long completedDeliveries(Program program) {
		return jdbc.sql("""
				SELECT count(*) FROM platform.event_publication
				WHERE listener_id = 'partners.default-categories' AND serialized_event LIKE :program
				  AND completion_date IS NOT NULL""")
			.param("program", "%" + program.id().value() + "%")
			.query(Long.class)
			.single();
	}
}
