package io.krug.integrations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects every {@link IntegrationFailing} the service publishes, for the tests to look at. */
@Component
public class FailingEvents {

	private final List<IntegrationFailing> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(IntegrationFailing event) {
		events.add(event);
	}

	public List<IntegrationFailing> of(java.util.UUID integration) {
		return events.stream().filter(e -> e.integrationId().equals(integration)).toList();
	}
}
