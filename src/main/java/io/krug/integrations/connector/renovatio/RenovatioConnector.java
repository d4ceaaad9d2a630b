package io.krug.integrations.connector.renovatio;

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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads clinic visits from МИС Renovatio's public API ({@code https://app.rnova.org/api/public} unless
 * {@code base_url} says otherwise) with the secret {@code api_key}, keeping medical secrecy (seed 003, "Врачебная
 * тайна"): of each visit it reads only its id, start time, status, the services' {@code price} and {@code count}
 * (summed into the amount) and the patient's phone, which it turns into {@code phoneHash} (HMAC-SHA256 of the E.164
 * phone with the secret {@code phone_hash_key}, see {@link PhoneHasher}) and drops. Service names, doctors,
 * diagnoses and patient names are in the answer but are never read; {@code phone} and {@code description} are
 * always {@code null}; {@code category} is the program category of the optional {@code category} setting.
 *
 * <p>A page is {@code getAppointments} for one day ({@code date_from = date_to = dd.MM.yyyy}, clinic time zone
 * {@code time_zone}, Moscow by default; {@code clinic_id} when set; {@code show_patient_data=1} for the phone),
 * keeping visits that started in the window. The method does not page, so the cursor is {@code <day>/<offset>}:
 * the connector walks the window's days and slices each day to the requested page size. A {@code completed} visit
 * is {@code COMPLETED}; a {@code refused} or cancelled one is {@code CANCELLED}; upcoming visits are not sales yet.
 *
 * <p>Renovatio's reference (help.rnova.org, "Работа с API") is behind the clinic's account; the method name, the
 * form-encoded {@code api_key}, the {@code dd.MM.yyyy} dates, the envelope {@code {"error": 0|1, "data": …}} with
 * {@code {"code", "desc"}} errors, and the visit fields ({@code id, time_start "dd.MM.yyyy HH:mm", status,
 * patient_phone, services[].price/count}) follow that article's method list and public integrations that call it
 * (a Renovatio→Bitrix24 visit sync, a Node.js RenovatioService, a WordPress booking plugin). Assumed, as no public
 * source shows them: the error codes for a refused key (401/403) and for rate limits (429), and the cancelled
 * statuses {@code canceled}/{@code cancelled} besides {@code refused}.
 */
@Component
class RenovatioConnector implements Connector {

	static final String DEFAULT_BASE_URL = "https://app.rnova.org/api/public";

	static final String DEFAULT_ZONE = "Europe/Moscow";

	static final String DEFAULT_REGION = "RU";

	private static final DateTimeFormatter RENOVATIO_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter RENOVATIO_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]");

	private static final ConnectorSpec SPEC = new ConnectorSpec("renovatio", "МИС Renovatio", List.of(),
			List.of("base_url", "clinic_id", "time_zone", "phone_region", "category"),
			List.of("api_key", "phone_hash_key"), false);

	private final RenovatioClient renovatio;

	@Autowired
	RenovatioConnector(ObjectProvider<RestClient.Builder> builders, ConnectorTargets targets,
			ConnectorTimeouts timeouts, Clock clock) {
		this(timeouts.apply(targets.guard(builders.getIfAvailable(RestClient::builder))), clock);
	}

	RenovatioConnector(RestClient.Builder builder, Clock clock) {
		this.renovatio = new RenovatioClient(builder, clock);
	}

	@Override
	public ConnectorSpec spec() {
		return SPEC;
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		ZoneId zone = zone(settings);
		PhoneHasher hasher = new PhoneHasher(settings.secret("phone_hash_key"),
				Objects.requireNonNullElse(settings.optionalSetting("phone_region"), DEFAULT_REGION));
		String apiKey = settings.secret("api_key");
		LocalDate lastDay = LocalDate.ofInstant(request.to().minusNanos(1), zone);
		Cursor cursor = request.cursor() == null ? new Cursor(LocalDate.ofInstant(request.from(), zone), 0)
				: Cursor.parse(request.cursor());
		JsonNode visits = renovatio.call(baseUrl(settings), apiKey, "getAppointments",
				appointmentsOf(cursor.day(), settings.optionalSetting("clinic_id")));
		List<ExternalSale> day = visits(visits, request, zone, hasher, settings.optionalSetting("category"));
		int end = Math.min(day.size(), cursor.offset() + Math.max(request.pageSize(), 1));
		List<ExternalSale> page = day.subList(Math.min(cursor.offset(), end), end);
		return new FetchPage(page, next(cursor, end, day.size(), lastDay));
	}

	@Override
	public void check(ConnectionSettings settings) {
		// fetch cannot work without the hash key, so a connection without it does not pass the check either
		settings.secret("phone_hash_key");
		renovatio.call(baseUrl(settings), settings.secret("api_key"), "getClinics", Map.of());
	}

	/** One clinic day's visits with the patient's phone ({@code show_patient_data}), of one clinic if set. */
	private static Map<String, String> appointmentsOf(LocalDate day, @Nullable String clinic) {
		Map<String, String> parameters = new HashMap<>(Map.of("date_from", RENOVATIO_DATE.format(day), "date_to",
				RENOVATIO_DATE.format(day), "show_patient_data", "1"));
		if (clinic != null) {
			parameters.put("clinic_id", clinic);
		}
		return parameters;
	}

	private static List<ExternalSale> visits(JsonNode visits, FetchRequest request, ZoneId zone, PhoneHasher hasher,
			@Nullable String category) {
		if (!visits.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "Renovatio answered getAppointments without a list");
		}
		List<ExternalSale> sales = new ArrayList<>();
		for (JsonNode visit : visits) {
			ExternalSale.State state = state(visit.path("status").asString(""));
			if (state == null) {
				continue;
			}
			Instant startedAt = startedAt(visit, zone);
			if (startedAt.isBefore(request.from()) || !startedAt.isBefore(request.to())) {
				continue;
			}
			String phoneHash = hasher.hash(visit.path("patient_phone").asString(null));
			sales.add(new ExternalSale(id(visit), startedAt, null, phoneHash, amount(visit.path("services")), null,
					category, state));
		}
		return sales;
	}

	private static @Nullable String next(Cursor cursor, int end, int size, LocalDate lastDay) {
		if (end < size) {
			return new Cursor(cursor.day(), end).toString();
		}
		return cursor.day().isBefore(lastDay) ? new Cursor(cursor.day().plusDays(1), 0).toString() : null;
	}

	private static ExternalSale.@Nullable State state(String status) {
		return switch (status) {
			case "completed" -> ExternalSale.State.COMPLETED;
			case "refused", "canceled", "cancelled" -> ExternalSale.State.CANCELLED;
			default -> null;
		};
	}

	private static String id(JsonNode visit) {
		JsonNode id = visit.path("id");
		if (!(id.isString() || id.isNumber()) || id.asString().isBlank()) {
			throw new ConnectorException(Kind.MALFORMED, "A Renovatio visit lacks its id");
		}
		return id.asString();
	}

	private static Instant startedAt(JsonNode visit, ZoneId zone) {
		try {
			return LocalDateTime.parse(visit.path("time_start").asString(""), RENOVATIO_DATE_TIME)
				.atZone(zone)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ConnectorException(Kind.MALFORMED, "A Renovatio visit lacks its time_start");
		}
	}

	/** The sum of the services' price times count; nothing else of a service is read. */
	private static BigDecimal amount(JsonNode services) {
		if (!services.isArray()) {
			throw new ConnectorException(Kind.MALFORMED, "A Renovatio visit lacks its services");
		}
		BigDecimal total = BigDecimal.ZERO;
		for (JsonNode service : services) {
			BigDecimal count = service.path("count").isMissingNode() ? BigDecimal.ONE
					: number(service.path("count"), "count");
			total = total.add(number(service.path("price"), "price").multiply(count));
		}
		return Money.round(total);
	}

	private static BigDecimal number(JsonNode node, String field) {
		try {
			return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString(""));
		}
		catch (NumberFormatException ex) {
			throw new ConnectorException(Kind.MALFORMED, "A Renovatio visit's service lacks its " + field);
		}
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

	/** The clinic day being read and how many of its visits earlier pages returned. */
	private record Cursor(LocalDate day, int offset) {

		static Cursor parse(String cursor) {
			String[] parts = cursor.split("/");
			try {
				return new Cursor(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]));
			}
			catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException ex) {
				throw new IllegalArgumentException("A Renovatio cursor is <day>/<offset>; indicates a bug", ex);
			}
		}

		@Override
		public String toString() {
			return day + "/" + offset;
		}
	}
}
