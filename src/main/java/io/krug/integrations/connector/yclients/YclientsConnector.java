package io.krug.integrations.connector.yclients;

import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorSpec;
import io.krug.integrations.connector.ConnectorTargets;
import io.krug.integrations.connector.ConnectorTimeouts;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import io.krug.integrations.connector.InboundWebhook;
import io.krug.integrations.connector.JsonApiClient;
import io.krug.integrations.connector.WebhookReceiver;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YCLIENTS (REST API v1, {@code https://api.yclients.com}): {@code GET /api/v1/records/{company_id}} with
 * {@code start_date}/{@code end_date} (visit dates, the window widened to whole days), {@code page} and
 * {@code count}, authorized by {@code Authorization: Bearer <partner_token>, User <user_token>}. A record is a sale
 * once the client came ({@code attendance = 1}) and paid ({@code paid_full = 1}); its amount is the sum of its
 * services' {@code cost}; a deleted record, or a client who did not come ({@code attendance = -1}), cancels it.
 * Records still waiting are not sales yet. Webhooks: the record as YCLIENTS pushes it ({@code resource = record}).
 */
@Component
class YclientsConnector implements Connector, WebhookReceiver {

	static final ConnectorSpec SPEC = new ConnectorSpec("yclients", "YCLIENTS", List.of("base_url", "company_id"),
			List.of(), List.of("partner_token", "user_token"), true);

	private static final int MAX_COUNT = 200;

	private final JsonApiClient client;

	private final JsonMapper json;

	private final RecordReader records = new RecordReader();

	YclientsConnector(JsonMapper json, ConnectorTimeouts timeouts, ConnectorTargets targets) {
		this.json = json;
		this.client = new JsonApiClient("YCLIENTS", json, timeouts.connect(), timeouts.read(), targets);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		int page = page(request.cursor());
		int count = Math.min(Math.max(request.pageSize(), 1), MAX_COUNT);
		JsonNode answer = get(settings, b -> b.queryParam("start_date", request.from().atOffset(ZoneOffset.UTC)
			.toLocalDate()
			.minusDays(1))
			.queryParam("end_date", request.to().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1))
			.queryParam("page", page)
			.queryParam("count", count));
		JsonNode data = client.required(answer, "data");
		if (!data.isArray()) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED, "YCLIENTS answered data that is not a list");
		}
		List<ExternalSale> sales = new ArrayList<>();
		for (JsonNode record : data) {
			ExternalSale sale = records.sale(record, false);
			if (sale != null) {
				sales.add(sale);
			}
		}
		long total = answer.path("meta").path("count").asLong(-1);
		boolean more = total >= 0 ? (long) page * count < total : data.size() == count;
		return new FetchPage(sales, more ? String.valueOf(page + 1) : null);
	}

	@Override
	public void check(ConnectionSettings settings) {
		get(settings, b -> b.queryParam("page", 1).queryParam("count", 1));
	}

	@Override
	public List<ExternalSale> receive(ConnectionSettings settings, InboundWebhook webhook) {
		JsonNode payload;
		try {
			payload = json.readTree(webhook.body());
		}
		catch (JacksonException ex) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED, "The YCLIENTS webhook is not JSON");
		}
		if (!"record".equals(payload.path("resource").asString(""))) {
			return List.of();
		}
		String companyId = payload.path("company_id").asString("");
		if (!companyId.isEmpty() && !companyId.equals(settings.setting("company_id"))) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED,
					"The YCLIENTS webhook is for another company");
		}
		ExternalSale sale = records.sale(client.required(payload, "data"),
				"delete".equals(payload.path("status").asString("")));
		return sale == null ? List.of() : List.of(sale);
	}

	private JsonNode get(ConnectionSettings settings,
			java.util.function.Consumer<org.springframework.web.util.UriComponentsBuilder> query) {
		String companyId = settings.setting("company_id");
		if (!companyId.matches("\\d{1,12}")) {
			throw new ConnectorException(ConnectorException.Kind.CONFIG, "The setting company_id must be a number");
		}
		JsonNode answer = client.get(settings.setting("base_url"), "/api/v1/records/" + companyId, query,
				Map.of("Authorization", "Bearer " + settings.secret("partner_token") + ", User "
						+ settings.secret("user_token"), "Accept", "application/vnd.yclients.v2+json"));
		if (answer == null || !answer.path("success").asBoolean(false)) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED, "YCLIENTS answered without success");
		}
		return answer;
	}

	private static int page(@Nullable String cursor) {
		if (cursor == null) {
			return 1;
		}
		try {
			return Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a YCLIENTS page cursor: " + cursor + "; indicates a bug", ex);
		}
	}
}
