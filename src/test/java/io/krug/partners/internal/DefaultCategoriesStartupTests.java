package io.krug.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.partners.Category;
import io.krug.partners.PartnersApi;
import io.krug.partners.PartnersFixtures;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@IntegrationTest
class DefaultCategoriesStartupTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	CategoryService categories;

	@Autowired
	DefaultCategories defaults;

	PartnersFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PartnersFixtures(programs, partners);
	}

	@Test
	void startUpGivesCategoriesToAProgramThatHasNone() {
		Program program = fixtures.newProgramWithCategories();
		TenantContext.run(program.id(), () -> categories.list().forEach(c -> categories.delete(c.key())));
		assertThat(TenantContext.call(program.id(), partners::categories)).isEmpty();

		defaults.run(new DefaultApplicationArguments());

		assertThat(TenantContext.call(program.id(), partners::categories)).extracting(Category::key)
			.hasSize(9)
			.contains("beauty_salon", "legal");
	}

	@Test
	void startUpLeavesAProgramsOwnCategoriesAlone() {
		Program program = fixtures.newProgramWithCategories();
		TenantContext.run(program.id(), () -> categories.delete("legal"));

		defaults.run(new DefaultApplicationArguments());

		assertThat(TenantContext.call(program.id(), partners::categories)).extracting(Category::key)
			.hasSize(8)
			.doesNotContain("legal");
	}

	@Test
	void concurrentSeedingCreatesEachCategoryOnce() throws Exception {
		Program program = fixtures.newProgramWithCategories();
		TenantContext.run(program.id(), () -> categories.list().forEach(c -> categories.delete(c.key())));
		int threads = 4;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return TenantContext.call(program.id(), categories::ensureDefaults);
				}));
			}
			start.countDown();
			int created = 0;
			for (Future<Integer> result : results) {
				created += result.get();
			}
			assertThat(created).isEqualTo(9);
		}
		assertThat(TenantContext.call(program.id(), partners::categories)).hasSize(9);
	}
}
