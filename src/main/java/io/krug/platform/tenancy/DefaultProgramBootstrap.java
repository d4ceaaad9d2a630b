package io.krug.platform.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On first start, creates the default program ({@code krug.default-program.*}). */
@Component
@Order(0)
class DefaultProgramBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DefaultProgramBootstrap.class);

	private final Programs programs;

	private final String name;

	private final ZoneId timeZone;

	private final Currency currency;

	DefaultProgramBootstrap(Programs programs, @Value("${krug.default-program.name:Krug}") String name,
			@Value("${krug.default-program.time-zone:Europe/Moscow}") ZoneId timeZone,
			@Value("${krug.default-program.currency:RUB}") Currency currency) {
		this.programs = programs;
		this.name = name;
		this.timeZone = timeZone;
		this.currency = currency;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (programs.findDefault().isPresent()) {
			return;
		}
		try {
			Program program = programs.create(Programs.DEFAULT_SLUG, name, timeZone, currency, true);
			log.info("Created the default program '{}' ({}, {})", program.slug(), program.timeZone(),
					program.currency());
		}
		catch (io.krug.platform.web.KrugException raced) {
			log.info("The default program was created by another instance");
		}
	}
}
