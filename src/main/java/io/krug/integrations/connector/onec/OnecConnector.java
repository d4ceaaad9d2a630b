package io.krug.integrations.connector.onec;

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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Reads sales documents of a 1C:Enterprise infobase (e.g. {@code Document_РеализацияТоваровУслуг}) through its
 * standard OData v3 interface, {@code <base_url>/odata/standard.odata/}, with HTTP Basic authentication.
 *
 * <p>A page is {@code GET <document>?$format=json&$filter=Date ge datetime'…' and Date lt datetime'…'
 * &$orderby=Date&$top=n&$skip=m&$select=…}; the cursor is the {@code $skip} of the next page. The document's
 * {@code Ref_Key} is the external id; a document that is not posted or is marked for deletion is
 * {@code CANCELLED}. Field names are settings, so any configuration's document can be read; a phone behind a
 * reference ({@code Контрагент/Телефон}) is fetched with {@code $expand}.
 *
 * <p>Based on the 1C:Enterprise 8.3 developer guide, "Standard OData interface" (its.1c.ru/db/v838doc, bookmark
 * dev:TI000001358: {@code $filter} with {@code datetime'…'} literals, {@code $top}/{@code $skip}, {@code $expand},
 * the JSON envelope {@code {"odata.metadata": …, "value": […]}} and {@code odata.error}), and on the public
 * clients kilylabs/odata-1c and onec-odata that follow it.
 */
@Component
class OnecConnector implements Connector {

	static final String ODATA_PATH = "/odata/standard.odata/";

	static final int MAX_PAGE = 1000;

	private static final DateTimeFormatter ODATA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private static final ConnectorSpec SPEC = new ConnectorSpec("onec", "1C:Enterprise (OData)",
			List.of("base_url", "username", "document", "amount_field", "phone_field"),
			List.of("date_field", "posted_field", "deletion_field", "time_zone"), List.of("password"), false);

	private final ODataClient odata;

	@Autowired
	OnecConnector(ObjectProvider<RestClient.Builder> builders, ConnectorTargets targets,
			ConnectorTimeouts timeouts, Clock clock) {
		this(timeouts.apply(targets.guard(builders.getIfAvailable(RestClient::builder))), clock);
	}

	OnecConnector(RestClient.Builder builder, Clock clock) {
		this.odata = new ODataClient(builder, clock);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		DocumentMapping mapping = DocumentMapping.from(settings);
		int skip = skip(request.cursor());
		int top = Math.clamp(request.pageSize(), 1, MAX_PAGE);
		Map<String, String> query = new HashMap<>();
		query.put("$filter", filter(mapping, request.from(), request.to()));
		query.put("$orderby", mapping.dateField());
		query.put("$top", Integer.toString(top));
		query.put("$skip", Integer.toString(skip));
		query.put("$select", mapping.select());
		if (mapping.expand() != null) {
			query.put("$expand", mapping.expand());
		}
		JsonNode rows = rows(call(settings, mapping, query));
		List<ExternalSale> sales = new ArrayList<>(rows.size());
		for (JsonNode row : rows) {
			sales.add(sale(row, mapping));
		}
		return new FetchPage(sales, rows.size() < top ? null : Integer.toString(skip + top));
	}

	@Override
	public void check(ConnectionSettings settings) {
		DocumentMapping mapping = DocumentMapping.from(settings);
		rows(call(settings, mapping, Map.of("$top", "1", "$select", "Ref_Key")));
	}

	private JsonNode call(ConnectionSettings settings, DocumentMapping mapping, Map<String, String> query) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl(settings))
			.path(ODATA_PATH + "{document}")
			.queryParam("$format", "json");
		Map<String, String> values = new HashMap<>(query);
		values.put("document", mapping.document());
		query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
		URI target = uri.encode().buildAndExpand(values).toUri();
		return odata.get(target, settings.setting("username"), settings.secret("password"));
	}

	private static String baseUrl(ConnectionSettings settings) {
		String base = settings.setting("base_url").strip();
		if (!base.startsWith("http://") && !base.startsWith("https://")) {
			throw new ConnectorException(Kind.CONFIG, "The setting base_url must be an http(s) URL");
		}
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static String filter(DocumentMapping mapping, Instant from, Instant to) {
		String field = mapping.dateField();
		return field + " ge datetime'" + local(from, mapping) + "' and " + field + " lt datetime'" + local(to, mapping)
				+ "'";
	}

	private static String local(Instant instant, DocumentMapping mapping) {
		return ODATA_DATE_TIME.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), mapping.zone()));
	}

	private static JsonNode rows(JsonNode answer) {
		JsonNode rows = answer.path("value");
		if (!rows.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "1C answered without a value array");
		}
		return rows;
	}

	private static ExternalSale sale(JsonNode row, DocumentMapping mapping) {
		String id = text(row, "Ref_Key");
		Instant occurredAt = instant(text(row, mapping.dateField()), mapping);
		BigDecimal amount = amount(row.path(mapping.amountField()), mapping.amountField());
		boolean posted = flag(row, mapping.postedField());
		boolean deleted = flag(row, mapping.deletionField());
		ExternalSale.State state = posted && !deleted ? ExternalSale.State.COMPLETED : ExternalSale.State.CANCELLED;
		return new ExternalSale(id, occurredAt, phone(row, mapping), null, amount, null, null, state);
	}

	private static @Nullable String phone(JsonNode row, DocumentMapping mapping) {
		JsonNode node = row;
		for (String step : mapping.phonePath()) {
			node = node.path(step);
		}
		return node.isString() && !node.asString().isBlank() ? node.asString() : null;
	}

	private static String text(JsonNode row, String field) {
		JsonNode node = row.path(field);
		if (!node.isString() || node.asString().isBlank()) {
			throw new ConnectorException(Kind.MALFORMED, "A 1C document lacks the field " + field);
		}
		return node.asString();
	}

	private static boolean flag(JsonNode row, String field) {
		JsonNode node = row.path(field);
		if (!node.isBoolean()) {
			throw new ConnectorException(Kind.MALFORMED, "A 1C document lacks the boolean field " + field);
		}
		return node.booleanValue();
	}

	private static BigDecimal amount(JsonNode node, String field) {
		if (!node.isNumber()) {
			throw new ConnectorException(Kind.MALFORMED, "A 1C document lacks the number field " + field);
		}
		return Money.round(node.decimalValue());
	}

	private static Instant instant(String value, DocumentMapping mapping) {
		try {
			return LocalDateTime.parse(value).atZone(mapping.zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ConnectorException(Kind.MALFORMED, "A 1C document's " + mapping.dateField() + " is not a date");
		}
	}

	private static int skip(@Nullable String cursor) {
		if (cursor == null) {
			return 0;
		}
		try {
			return Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("A 1C cursor is an offset, not " + cursor + "; indicates a bug", ex);
		}
	}
}
