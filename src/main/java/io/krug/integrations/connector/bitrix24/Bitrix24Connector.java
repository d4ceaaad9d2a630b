package io.krug.integrations.connector.bitrix24;

import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorException.Kind;
import io.krug.integrations.connector.ConnectorSpec;
import io.krug.integrations.connector.ConnectorTargets;
import io.krug.integrations.connector.ConnectorTimeouts;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import io.krug.platform.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads closed CRM deals of a Bitrix24 portal through an inbound webhook
 * ({@code https://<portal>.bitrix24.ru/rest/<user_id>/<code>/}, kept as the secret {@code webhook_url}; it needs
 * the {@code crm} scope).
 *
 * <p>A page is {@code crm.deal.list} with {@code filter: {"=STAGE_SEMANTIC_ID": ["S", "F"], ">=DATE_MODIFY": from,
 * "<DATE_MODIFY": to}}, {@code order: {"ID": "ASC"}} and only the fields {@code ID, OPPORTUNITY, CONTACT_ID,
 * CLOSEDATE, DATE_MODIFY, STAGE_SEMANTIC_ID}; Bitrix24 answers 50 deals and {@code next}, the {@code start} of the
 * next page, which is the cursor. The page's contacts' phones come in one {@code crm.contact.list} call with
 * {@code filter: {"=ID": [...]}} and {@code select: ["ID", "PHONE"]}, so no other personal data is read. A won deal
 * ({@code S}) is {@code COMPLETED}, a lost one ({@code F}) {@code CANCELLED}.
 *
 * <p>Based on the Bitrix24 REST documentation: dev.1c-bitrix.ru/rest_help crm.deal.list (several values of one
 * field as {@code "=FIELD": [...]}) and crm.contact.list (multiple fields such as {@code PHONE} only when selected by
 * name), apidocs.bitrix24.ru on list methods' {@code start}/{@code next} paging, and its error answers
 * {@code QUERY_LIMIT_EXCEEDED}, {@code expired_token}, {@code INVALID_CREDENTIALS}, {@code insufficient_scope}.
 */
@Component
class Bitrix24Connector implements Connector {

	static final List<String> DEAL_FIELDS = List.of("ID", "OPPORTUNITY", "CONTACT_ID", "CLOSEDATE", "DATE_MODIFY",
			"STAGE_SEMANTIC_ID");

	private static final DateTimeFormatter FILTER_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private static final ConnectorSpec SPEC = new ConnectorSpec("bitrix24", "Bitrix24", List.of(), List.of(),
			List.of("webhook_url"), false);

	private final Bitrix24Client bitrix;

	@Autowired
	Bitrix24Connector(ObjectProvider<RestClient.Builder> builders, ConnectorTargets targets,
			ConnectorTimeouts timeouts, Clock clock) {
		this(timeouts.apply(targets.guard(builders.getIfAvailable(RestClient::builder))), clock);
	}

	Bitrix24Connector(RestClient.Builder builder, Clock clock) {
		this.bitrix = new Bitrix24Client(builder, clock);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		String webhook = webhookUrl(settings);
		int start = start(request.cursor());
		Map<String, Object> filter = Map.of("=STAGE_SEMANTIC_ID", List.of("S", "F"), ">=DATE_MODIFY",
				iso(request.from()), "<DATE_MODIFY", iso(request.to()));
		JsonNode answer = bitrix.call(webhook, "crm.deal.list",
				Map.of("filter", filter, "select", DEAL_FIELDS, "order", Map.of("ID", "ASC"), "start", start));
		JsonNode deals = answer.path("result");
		if (!deals.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "Bitrix24 answered crm.deal.list without a result list");
		}
		int take = Math.min(Math.max(request.pageSize(), 1), deals.size());
		List<JsonNode> page = new ArrayList<>(take);
		for (int i = 0; i < take; i++) {
			page.add(deals.get(i));
		}
		Map<String, String> phones = phones(webhook, page);
		List<ExternalSale> sales = page.stream().map(deal -> sale(deal, phones)).toList();
		return new FetchPage(sales, nextCursor(answer, start, take, deals.size()));
	}

	@Override
	public void check(ConnectionSettings settings) {
		bitrix.call(webhookUrl(settings), "crm.deal.list",
				Map.of("select", List.of("ID"), "order", Map.of("ID", "DESC"), "start", -1));
	}

	private Map<String, String> phones(String webhook, List<JsonNode> deals) {
		Set<String> contactIds = new LinkedHashSet<>();
		for (JsonNode deal : deals) {
			String contactId = deal.path("CONTACT_ID").asString("");
			if (!contactId.isBlank() && !"0".equals(contactId)) {
				contactIds.add(contactId);
			}
		}
		if (contactIds.isEmpty()) {
			return Map.of();
		}
		JsonNode contacts = bitrix.call(webhook, "crm.contact.list",
				Map.of("filter", Map.of("=ID", List.copyOf(contactIds)), "select", List.of("ID", "PHONE")))
			.path("result");
		if (!contacts.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "Bitrix24 answered crm.contact.list without a result list");
		}
		Map<String, String> phones = new HashMap<>();
		for (JsonNode contact : contacts) {
			String phone = firstPhone(contact.path("PHONE"));
			if (phone != null) {
				phones.put(contact.path("ID").asString(""), phone);
			}
		}
		return phones;
	}

	private static @Nullable String firstPhone(JsonNode phones) {
		for (JsonNode phone : phones) {
			String value = phone.path("VALUE").asString("");
			if (!value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static ExternalSale sale(JsonNode deal, Map<String, String> phones) {
		String id = required(deal, "ID");
		ExternalSale.State state = switch (required(deal, "STAGE_SEMANTIC_ID")) {
			case "S" -> ExternalSale.State.COMPLETED;
			case "F" -> ExternalSale.State.CANCELLED;
			default -> throw new ConnectorException(Kind.MALFORMED, "Bitrix24 returned a deal that is not closed");
		};
		String closed = deal.path("CLOSEDATE").asString("");
		Instant occurredAt = instant(closed.isBlank() ? required(deal, "DATE_MODIFY") : closed);
		String contactId = deal.path("CONTACT_ID").asString("");
		return new ExternalSale(id, occurredAt, phones.get(contactId), null, amount(required(deal, "OPPORTUNITY")),
				null, null, state);
	}

	private static @Nullable String nextCursor(JsonNode answer, int start, int taken, int received) {
		if (taken < received) {
			return Integer.toString(start + taken);
		}
		JsonNode next = answer.path("next");
		if (next.isMissingNode() || next.isNull()) {
			return null;
		}
		if (!next.canConvertToInt()) {
			throw new ConnectorException(Kind.MALFORMED, "Bitrix24 answered a next that is not a number");
		}
		return Integer.toString(next.asInt());
	}

	private static String required(JsonNode deal, String field) {
		JsonNode node = deal.path(field);
		if (!(node.isString() || node.isNumber()) || node.asString().isBlank()) {
			throw new ConnectorException(Kind.MALFORMED, "A Bitrix24 deal lacks the field " + field);
		}
		return node.asString();
	}

	private static BigDecimal amount(String value) {
		try {
			return Money.round(new BigDecimal(value));
		}
		catch (NumberFormatException ex) {
			throw new ConnectorException(Kind.MALFORMED, "A Bitrix24 deal's OPPORTUNITY is not a number");
		}
	}

	private static Instant instant(String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ConnectorException(Kind.MALFORMED, "A Bitrix24 deal's date is not an ISO date-time");
		}
	}

	private static String iso(Instant instant) {
		return FILTER_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

	private static String webhookUrl(ConnectionSettings settings) {
		String url = settings.secret("webhook_url").strip();
		if (!url.matches("https?://[^/\\s]+/rest/\\S+")) {
			throw new ConnectorException(Kind.CONFIG,
					"The secret webhook_url must look like https://<portal>/rest/<user_id>/<code>/");
		}
		return url.endsWith("/") ? url : url + "/";
	}

	private static int start(@Nullable String cursor) {
		if (cursor == null) {
			return 0;
		}
		try {
			return Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("A Bitrix24 cursor is a start offset; indicates a bug", ex);
		}
	}
}
