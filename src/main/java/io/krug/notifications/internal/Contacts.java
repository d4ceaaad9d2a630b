package io.krug.notifications.internal;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's notification addresses and locale, kept by this module. */
@Service
public class Contacts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PreferenceStore preferences;

	Contacts(JdbcClient jdbc, Clock clock, PreferenceStore preferences) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.preferences = preferences;
	}

	/** A member's addresses; a member who never set any has no e-mail and the Russian locale. */
	public record Contact(@Nullable String email, String locale) {
	}

	@Transactional(readOnly = true)
	public Contact find(UUID programId, UUID memberId) {
		Preferences p = preferences.find(programId, memberId).orElse(PreferenceStore.DEFAULTS);
		return new Contact(p.contacts().email(), p.locale());
	}

	/** Sets the member's e-mail address and locale, keeping the other preferences. */
	@Transactional
	public void save(UUID programId, UUID memberId, Contact contact) {
		Preferences p = preferences.lock(programId, memberId).orElse(PreferenceStore.DEFAULTS);
		Preferences updated = new Preferences(p.channels(), p.categories(), p.quietHours(), p.timeZone(), p.digest(),
				p.dailyCap(), new Preferences.Addresses(contact.email(), p.contacts().pushTokens(),
						p.contacts().telegramChatId()), contact.locale());
		preferences.save(programId, memberId, updated, clock.instant());
	}

	/** Forgets an erased member's addresses. */
	@Transactional
	public void erase(UUID programId, UUID memberId) {
		jdbc.sql("DELETE FROM notifications.preferences WHERE program_id = :p AND member_id = :m")
			.param("p", programId).param("m", memberId)
			.update();
	}
}
