package io.krug.platform.sms;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The message log of the current program ({@code platform.sms_messages}): every SMS sent or attempted. */
@Service
public class SmsMessageLog {

	private final JdbcClient jdbc;

	SmsMessageLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The current program's messages, newest first.
	 *
	 * @param phone only messages to this E.164 number; null for all
	 */
	@Transactional(readOnly = true)
	public SmsMessagePage find(@Nullable String phone, int limit, int offset) {
		UUID program = TenantContext.require().value();
		String filter = "program_id = :program AND (CAST(:phone AS text) IS NULL OR phone = :phone)";
		var messages = jdbc.sql("""
				SELECT id, phone, text, purpose, provider, status, provider_message_id, error, created_at
				FROM platform.sms_messages WHERE %s
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""".formatted(filter))
			.param("program", program)
			.param("phone", phone)
			.param("limit", limit)
			.param("offset", offset)
			.query(SmsMessageLog::map)
			.list();
		long total = jdbc.sql("SELECT count(*) FROM platform.sms_messages WHERE " + filter)
			.param("program", program)
			.param("phone", phone)
			.query(Long.class)
			.single();
		return new SmsMessagePage(messages, total);
	}

	/** Records one message for the program in context, committed on its own: the message has left already. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(SmsMessageView message) {
		jdbc.sql("""
				INSERT INTO platform.sms_messages
				  (id, program_id, phone, text, purpose, provider, status, provider_message_id, error, created_at)
				VALUES (:id, :program, :phone, :text, :purpose, :provider, :status, :providerMessageId, :error, :at)""")
			.param("id", message.id())
			.param("program", TenantContext.require().value())
			.param("phone", message.phone())
			.param("text", message.text())
			.param("purpose", message.purpose())
			.param("provider", message.provider())
			.param("status", message.status().value())
			.param("providerMessageId", message.providerMessageId())
			.param("error", message.error())
			.param("at", Timestamp.from(message.createdAt()))
			.update();
	}

	private static SmsMessageView map(ResultSet rs, int row) throws SQLException {
		return new SmsMessageView(rs.getObject("id", UUID.class), rs.getString("phone"), rs.getString("text"),
				rs.getString("purpose"), rs.getString("provider"), SmsStatus.of(rs.getString("status")),
				rs.getString("provider_message_id"), rs.getString("error"), rs.getTimestamp("created_at").toInstant());
	}
}
