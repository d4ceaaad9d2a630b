package io.krug.loyalty.purchases;

import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Programs' time zones, remembered after the first look-up: a program's time zone never changes once it is created,
 * so every replica may keep it without a coherence problem, and the purchase transaction saves a statement.
 */
@Component
class ProgramZones {

	private final Programs programs;

	private final Map<ProgramId, ZoneId> zones = new ConcurrentHashMap<>();

	ProgramZones(Programs programs) {
		this.programs = programs;
	}

	ZoneId of(ProgramId program) {
		ZoneId zone = zones.get(program);
		if (zone == null) {
			zone = programs.get(program).timeZone();
			zones.put(program, zone);
		}
		return zone;
	}
}
