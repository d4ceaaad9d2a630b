package io.krug.events.internal;

import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The current program's time zone, in which event times are entered and shown. */
@Component
public class ProgramZone {

	private final Programs programs;

	ProgramZone(Programs programs) {
		this.programs = programs;
	}

	public ZoneId zone() {
		return programs.get(TenantContext.require()).timeZone();
	}

	static Instant toInstant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).toInstant();
	}

	static LocalDateTime toLocal(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone);
	}

	static Instant monthStart(YearMonth month, ZoneId zone) {
		return month.atDay(1).atStartOfDay(zone).toInstant();
	}
}
