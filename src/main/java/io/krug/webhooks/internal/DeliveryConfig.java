package io.krug.webhooks.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.krug.platform.crypto.SecretBox;
import io.krug.platform.db.DatabaseProperties;
import io.krug.platform.ratelimit.RateLimiter;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires delivery: the target guard, the sender, the worker, and the db-scheduler tasks that run it. There are
 * {@code krug.webhooks.delivery.workers} recurring tasks ({@code webhooks-delivery-1…n}); db-scheduler runs each on
 * one replica at a time, so with several replicas the tasks spread over them and share the queue. Each execution
 * delivers for {@code run-for}, then the task is due again a second later. With
 * {@code krug.webhooks.delivery.enabled=false} no task is registered and messages only queue up.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

	private static final Logger log = LoggerFactory.getLogger(DeliveryConfig.class);

	@Bean
	TargetGuard webhookTargetGuard(WebhookProperties properties, DatabaseProperties database) {
		boolean allowed = properties.privateTargetsAllowed(database);
		if (allowed) {
			log.info("Webhooks may target private networks and plain http (krug.webhooks.allow-private-targets)");
		}
		return new TargetGuard(allowed, InetAddress::getAllByName);
	}

	@Bean
	RetrySchedule webhookRetrySchedule() {
		return new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble());
	}

	@Bean
	DeliveryWorker webhookDeliveryWorker(MessageStore store, OutcomeWriter writer, TargetGuard guard, SecretBox box,
			EndpointRepository endpoints, RateLimiter rateLimiter, DeliverySignal signal, DeliveryMetrics metrics,
			PlatformTransactionManager transactions, Clock clock, WebhookProperties properties) {
		WebhookProperties.Delivery delivery = properties.delivery();
		Sender sender = new Sender(Sender.httpClient(delivery.timeout()), guard, box, endpoints, rateLimiter, clock,
				delivery.timeout());
		return new DeliveryWorker(store, writer, sender, signal, metrics, transactions, clock, delivery);
	}

	@Bean
	RecurringTask<Void> webhooksRetentionTask(WebhookRetention retention) {
		return Tasks.recurring("webhooks-retention", FixedDelay.ofHours(6))
			.execute((instance, context) -> retention.purge());
	}

	@Bean
	static DeliveryTasks webhookDeliveryTasks(Environment environment) {
		return new DeliveryTasks(environment);
	}

	/** Registers the delivery tasks, as many as configured. */
	static final class DeliveryTasks implements BeanDefinitionRegistryPostProcessor {

		private final Environment environment;

		DeliveryTasks(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			if (!environment.getProperty("krug.webhooks.delivery.enabled", Boolean.class, true)) {
				return;
			}
			int workers = environment.getProperty("krug.webhooks.delivery.workers", Integer.class, 2);
			BeanFactory beans = (BeanFactory) registry;
			for (int i = 1; i <= workers; i++) {
				String name = "webhooks-delivery-" + i;
				registry.registerBeanDefinition("webhooksDeliveryTask" + i,
						new RootBeanDefinition(RecurringTask.class, () -> task(name, beans)));
			}
		}

		private static RecurringTask<Void> task(String name, BeanFactory beans) {
			DeliveryWorker worker = beans.getBean(DeliveryWorker.class);
			WebhookProperties properties = beans.getBean(WebhookProperties.class);
			return Tasks.recurring(name, FixedDelay.ofSeconds(1))
				.execute((instance, context) -> worker.runFor(properties.delivery().runFor(),
						() -> context.getSchedulerState().isShuttingDown()));
		}

	}
}
