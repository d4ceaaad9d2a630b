package io.krug.integrations.connector.amocrm;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * amoCRM (API v4, {@code https://<subdomain>.amocrm.ru}): {@code GET /api/v4/leads} filtered by
 * {@code filter[updated_at][from|to]} (unix seconds) {@code with=contacts}, paged by {@code page}/{@code limit}
 * (204 when nothing), then {@code GET /api/v4/contacts?filter[id][]=…} for the main contacts' {@code PHONE}
 * field. A lead in status 142 ("Успешно реализовано") is a sale of its {@code price}, at {@code closed_at}; status 143
 * ("Закрыто и не реализовано") cancels it; leads in other statuses are not sales. The OAuth access token is sent as
 * a bearer token. Webhooks ({@code leads[status|update|add|delete][n][id]=…}, form-encoded) name leads, which are
 * fetched again; a deleted lead cancels its sale.
 */
@Component
class AmoCrmConnector implements Connector, WebhookReceiver {

	static final ConnectorSpec SPEC = new ConnectorSpec("amocrm", "amoCRM", List.of("base_url"), List.of(),
			List.of("access_token"), true);

	static final int WON = 142;

	static final int LOST = 143;

	private static final int MAX_LIMIT = 250;

	private static final Pattern WEBHOOK_LEAD = Pattern.compile("leads\\[(status|update|add|delete)]\\[\\d+]\\[id]");

	private final JsonApiClient client;

	AmoCrmConnector(JsonMapper json, ConnectorTimeouts timeouts, ConnectorTargets targets) {
		this.client = new JsonApiClient("amoCRM", json, timeouts.connect(), timeouts.read(), targets);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		int page = request.cursor() == null ? 1 : Integer.parseInt(request.cursor());
		int limit = Math.min(Math.max(request.pageSize(), 1), MAX_LIMIT);
		JsonNode answer = get(settings, "/api/v4/leads", b -> b
			.queryParam("filter[updated_at][from]", request.from().getEpochSecond())
			.queryParam("filter[updated_at][to]", request.to().getEpochSecond())
			.queryParam("with", "contacts")
			.queryParam("page", page)
			.queryParam("limit", limit));
		if (answer == null) {
			return FetchPage.last(List.of());
		}
		List<ExternalSale> sales = sales(settings, leads(answer));
		boolean more = answer.path("_links").path("next").has("href");
		return new FetchPage(sales, more ? String.valueOf(page + 1) : null);
	}

	@Override
	public void check(ConnectionSettings settings) {
		get(settings, "/api/v4/leads", b -> b.queryParam("limit", 1));
	}

	@Override
	public List<ExternalSale> receive(ConnectionSettings settings, InboundWebhook webhook) {
		Set<String> changed = new LinkedHashSet<>();
		Set<String> deleted = new LinkedHashSet<>();
		Map<String, String> form;
		try {
			form = webhook.form();
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED, "The amoCRM webhook is not form-encoded");
		}
		form.forEach((name, value) -> {
			Matcher m = WEBHOOK_LEAD.matcher(name);
			if (m.matches() && value.matches("\\d{1,19}")) {
				("delete".equals(m.group(1)) ? deleted : changed).add(value);
			}
		});
		List<ExternalSale> sales = new ArrayList<>();
		if (!changed.isEmpty()) {
			JsonNode answer = get(settings, "/api/v4/leads", b -> {
				changed.forEach(id -> b.queryParam("filter[id][]", id));
				b.queryParam("with", "contacts");
			});
			if (answer != null) {
				sales.addAll(sales(settings, leads(answer)));
			}
		}
		for (String id : deleted) {
			sales.add(new ExternalSale(id, Instant.EPOCH, null, null, BigDecimal.ZERO, null, null,
					ExternalSale.State.CANCELLED));
		}
		return sales;
	}

	private JsonNode leads(JsonNode answer) {
		JsonNode leads = answer.path("_embedded").path("leads");
		if (!leads.isArray()) {
			throw malformed("a lead list without _embedded.leads");
		}
		return leads;
	}

	/** The won and lost leads as sales, with the phones of their main contacts (one contacts request a page). */
	private List<ExternalSale> sales(ConnectionSettings settings, JsonNode leads) {
		Map<String, JsonNode> closed = new LinkedHashMap<>();
		Set<String> contactIds = new LinkedHashSet<>();
		for (JsonNode lead : leads) {
			int status = lead.path("status_id").asInt(0);
			if (status != WON && status != LOST) {
				continue;
			}
			closed.put(id(lead, "lead"), lead);
			String contact = mainContact(lead);
			if (contact != null) {
				contactIds.add(contact);
			}
		}
		Map<String, String> phones = phones(settings, contactIds);
		List<ExternalSale> sales = new ArrayList<>();
		closed.forEach((id, lead) -> {
			String contact = mainContact(lead);
			boolean won = lead.path("status_id").asInt() == WON;
			JsonNode price = lead.path("price");
			if (!price.isNumber()) {
				throw malformed("a lead without a numeric price");
			}
			long at = lead.path("closed_at").asLong(lead.path("updated_at").asLong(0));
			if (at <= 0) {
				throw malformed("a closed lead without closed_at");
			}
			sales.add(new ExternalSale(id, Instant.ofEpochSecond(at), contact == null ? null : phones.get(contact), null,
					price.decimalValue(), null, null, won ? ExternalSale.State.COMPLETED : ExternalSale.State.CANCELLED));
		});
		return sales;
	}

	private static @Nullable String mainContact(JsonNode lead) {
		JsonNode contacts = lead.path("_embedded").path("contacts");
		String first = null;
		for (JsonNode contact : contacts) {
			String id = contact.path("id").asString("");
			if (contact.path("is_main").asBoolean(false)) {
				return id;
			}
			first = first == null ? id : first;
		}
		return first == null || first.isEmpty() ? null : first;
	}

	private Map<String, String> phones(ConnectionSettings settings, Set<String> contactIds) {
		Map<String, String> phones = new LinkedHashMap<>();
		if (contactIds.isEmpty()) {
			return phones;
		}
		JsonNode answer = get(settings, "/api/v4/contacts", b -> {
			contactIds.forEach(id -> b.queryParam("filter[id][]", id));
			b.queryParam("limit", MAX_LIMIT);
		});
		if (answer == null) {
			return phones;
		}
		for (JsonNode contact : answer.path("_embedded").path("contacts")) {
			String phone = phone(contact);
			if (phone != null) {
				phones.put(id(contact, "contact"), phone);
			}
		}
		return phones;
	}

	private static @Nullable String phone(JsonNode contact) {
		for (JsonNode field : contact.path("custom_fields_values")) {
			if ("PHONE".equals(field.path("field_code").asString(""))) {
				for (JsonNode value : field.path("values")) {
					String phone = value.path("value").asString("");
					if (!phone.isBlank()) {
						return phone;
					}
				}
			}
		}
		return null;
	}

	private @Nullable JsonNode get(ConnectionSettings settings, String path, Consumer<UriComponentsBuilder> query) {
		return client.get(settings.setting("base_url"), path, query,
				Map.of("Authorization", "Bearer " + settings.secret("access_token")));
	}

	private static String id(JsonNode node, String what) {
		JsonNode id = node.path("id");
		if (!id.isNumber() && !id.isString()) {
			throw malformed("a " + what + " without an id");
		}
		return id.asString();
	}

	private static ConnectorException malformed(String what) {
		return new ConnectorException(ConnectorException.Kind.MALFORMED, "amoCRM answered " + what);
	}
}
