package io.krug.integrations.connector.iiko;

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
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads closed and cancelled delivery orders of iiko restaurants through the iikoCloud API
 * ({@code https://api-ru.iiko.services} unless {@code base_url} says otherwise), authenticating with the secret
 * {@code api_login}.
 *
 * <p>A page is {@code POST /api/1/deliveries/by_delivery_date_and_status} for one organization of
 * {@code organization_ids} with {@code statuses: ["Closed", "Cancelled"]} and the window as
 * {@code deliveryDateFrom}/{@code deliveryDateTo} in the restaurants' local time ({@code time_zone}, Moscow by
 * default); the answer's {@code ordersByOrganizations[].orders[]} carry the order id (the external id) and the
 * {@code order} with its {@code status}, {@code sum}, the guest's {@code phone}, {@code whenClosed} and
 * {@code whenCreated}. That endpoint does not page, so the cursor is {@code <organization index>:<offset>}: the
 * connector walks the organizations one by one and slices each answer to the requested page size. A
 * {@code Cancelled} order is {@code CANCELLED}; an order whose creation failed ({@code order: null}) is no sale.
 *
 * <p>Based on the iikoCloud API reference (api-ru.iiko.services/docs: "Authorization" access_token,
 * "Deliveries: Retrieve" by_delivery_date_and_status and its {@code OrdersResponse}, "Organizations", error answers
 * {@code {"correlationId", "errorDescription", "error"}}) and the public clients pyiikocloudapi and iiko-go.
 */
@Component
class IikoConnector implements Connector {

	static final String DEFAULT_BASE_URL = "https://api-ru.iiko.services";

	static final String DEFAULT_ZONE = "Europe/Moscow";

	private static final DateTimeFormatter IIKO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final ConnectorSpec SPEC = new ConnectorSpec("iiko", "iiko (iikoCloud)",
			List.of("organization_ids"), List.of("base_url", "time_zone"), List.of("api_login"), false);

	private final IikoClient iiko;

	@Autowired
	IikoConnector(ObjectProvider<RestClient.Builder> builders, ConnectorTargets targets,
			ConnectorTimeouts timeouts, Clock clock) {
		this(timeouts.apply(targets.guard(builders.getIfAvailable(RestClient::builder))), clock);
	}

	IikoConnector(RestClient.Builder builder, Clock clock) {
		this.iiko = new IikoClient(builder, clock);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		List<String> organizations = organizations(settings);
		ZoneId zone = zone(settings);
		Cursor cursor = Cursor.parse(request.cursor());
		if (cursor.organization() >= organizations.size()) {
			throw new IllegalArgumentException("An iiko cursor past the organizations; indicates a bug");
		}
		JsonNode answer = iiko.call(baseUrl(settings), settings.secret("api_login"),
				"/api/1/deliveries/by_delivery_date_and_status",
				Map.of("organizationIds", List.of(organizations.get(cursor.organization())), "deliveryDateFrom",
						local(request.from(), zone), "deliveryDateTo", local(request.to(), zone), "statuses",
						List.of("Closed", "Cancelled")));
		List<ExternalSale> all = sales(answer, zone);
		int end = Math.min(all.size(), cursor.offset() + Math.max(request.pageSize(), 1));
		List<ExternalSale> page = all.subList(Math.min(cursor.offset(), end), end);
		return new FetchPage(page, next(cursor, end, all.size(), organizations.size()));
	}

	@Override
	public void check(ConnectionSettings settings) {
		List<String> organizations = organizations(settings);
		JsonNode answer = iiko.call(baseUrl(settings), settings.secret("api_login"), "/api/1/organizations",
				Map.of("organizationIds", organizations, "returnAdditionalInfo", false, "includeDisabled", false));
		if (!answer.path("organizations").isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "iiko answered /api/1/organizations without organizations");
		}
		Set<String> known = new HashSet<>();
		for (JsonNode organization : answer.path("organizations")) {
			known.add(organization.path("id").asString(""));
		}
		for (String organization : organizations) {
			if (!known.contains(organization)) {
				throw new ConnectorException(Kind.CONFIG,
						"The organization " + organization + " is not available to this api_login");
			}
		}
	}

	private static List<ExternalSale> sales(JsonNode answer, ZoneId zone) {
		JsonNode groups = answer.path("ordersByOrganizations");
		if (!groups.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "iiko answered without ordersByOrganizations");
		}
		List<ExternalSale> sales = new ArrayList<>();
		for (JsonNode group : groups) {
			for (JsonNode order : group.path("orders")) {
				ExternalSale sale = sale(order, zone);
				if (sale != null) {
					sales.add(sale);
				}
			}
		}
		return sales;
	}

	private static @Nullable ExternalSale sale(JsonNode delivery, ZoneId zone) {
		String id = delivery.path("id").asString("");
		if (id.isBlank()) {
			throw new ConnectorException(Kind.MALFORMED, "An iiko order lacks its id");
		}
		JsonNode order = delivery.path("order");
		if (!order.isObject()) {
			return null;
		}
		ExternalSale.State state = switch (order.path("status").asString("")) {
			case "Closed" -> ExternalSale.State.COMPLETED;
			case "Cancelled" -> ExternalSale.State.CANCELLED;
			default -> null;
		};
		if (state == null) {
			return null;
		}
		JsonNode sum = order.path("sum");
		if (!sum.isNumber()) {
			throw new ConnectorException(Kind.MALFORMED, "An iiko order lacks its sum");
		}
		String phone = order.path("phone").asString("");
		return new ExternalSale(id, occurredAt(order, zone), phone.isBlank() ? null : phone, null,
				Money.round(sum.decimalValue()), null, null, state);
	}

	private static Instant occurredAt(JsonNode order, ZoneId zone) {
		String closed = order.path("whenClosed").asString("");
		String value = closed.isBlank() ? order.path("whenCreated").asString("") : closed;
		try {
			return LocalDateTime.parse(value, IIKO_DATE_TIME).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ConnectorException(Kind.MALFORMED, "An iiko order lacks whenClosed and whenCreated dates");
		}
	}

	private static @Nullable String next(Cursor cursor, int end, int size, int organizations) {
		if (end < size) {
			return new Cursor(cursor.organization(), end).toString();
		}
		return cursor.organization() + 1 < organizations ? new Cursor(cursor.organization() + 1, 0).toString()
				: null;
	}

	private static String local(Instant instant, ZoneId zone) {
		return IIKO_DATE_TIME.format(LocalDateTime.ofInstant(instant, zone));
	}

	private static List<String> organizations(ConnectionSettings settings) {
		return Arrays.stream(settings.setting("organization_ids").split(","))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.toList();
	}

	private static String baseUrl(ConnectionSettings settings) {
		String base = Objects.requireNonNullElse(settings.optionalSetting("base_url"), DEFAULT_BASE_URL).strip();
		if (!base.startsWith("http://") && !base.startsWith("https://")) {
			throw new ConnectorException(Kind.CONFIG, "The setting base_url must be an http(s) URL");
		}
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static ZoneId zone(ConnectionSettings settings) {
		try {
			return ZoneId.of(Objects.requireNonNullElse(settings.optionalSetting("time_zone"), DEFAULT_ZONE));
		}
		catch (DateTimeException ex) {
			throw new ConnectorException(Kind.CONFIG, "The setting time_zone is not a time zone");
		}
	}

	/** Which organization of the settings' list, and how many of its orders earlier pages returned. */
	private record Cursor(int organization, int offset) {

		static Cursor parse(@Nullable String cursor) {
			if (cursor == null) {
				return new Cursor(0, 0);
			}
			String[] parts = cursor.split(":");
			try {
				return new Cursor(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
			}
			catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
				throw new IllegalArgumentException("An iiko cursor is <organization>:<offset>; indicates a bug", ex);
			}
		}

		@Override
		public String toString() {
			return organization + ":" + offset;
		}
	}
}
