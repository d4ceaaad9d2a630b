package io.krug.webhooks;

import io.krug.platform.tenancy.ProgramId;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the webhook event catalog: a domain event record, the name endpoints subscribe to, and what its
 * payload's {@code data} holds. To add an event type, declare one as a bean, in the module that owns the event (which
 * then depends on {@code webhooks}) or in this module:
 *
 * <pre>{@code
 * @Bean
 * WebhookEventType<CouponRedeemed> couponRedeemedWebhook() {
 *     return WebhookEventType.of("coupon.redeemed", CouponRedeemed.class, "A member redeemed a coupon.",
 *             new CouponRedeemed(ProgramId.of("…"), UUID.fromString("…"), "SPRING25", Instant.parse("…")))
 *         .aboutMember(CouponRedeemed::memberId);
 * }
 * }</pre>
 *
 * The event must be a record with a {@code programId()} component of type {@link ProgramId}, published with the
 * {@code ApplicationEventPublisher} inside the transaction that changed state: the webhook messages are written in
 * that same transaction, so a rolled-back change sends nothing. The payload's {@code data} holds the record's other
 * components in snake_case (ids and instants as strings, enums as lower-case names, amounts as numbers); the catalog
 * derives the JSON Schema of {@code data} from the same components. Leave personal data out with {@link #omit}:
 * payloads are logged for replay and never erased.
 *
 * @param <E> the event record
 */
public final class WebhookEventType<E extends Record> {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

	private final String name;

	private final Class<E> eventClass;

	private final String description;

	private final E example;

	private final @Nullable Function<E, @Nullable UUID> member;

	private final Set<String> omitted;

	private final Method programAccessor;

	private WebhookEventType(String name, Class<E> eventClass, String description, E example,
			@Nullable Function<E, @Nullable UUID> member, Set<String> omitted) {
		this.name = name;
		this.eventClass = eventClass;
		this.description = description;
		this.example = example;
		this.member = member;
		this.omitted = Set.copyOf(omitted);
		this.programAccessor = Arrays.stream(eventClass.getRecordComponents())
			.filter(c -> c.getName().equals("programId") && c.getType() == ProgramId.class)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(eventClass.getName() + " has no programId() component"))
			.getAccessor();
	}

	/**
	 * A catalog entry.
	 *
	 * @param name dot-separated lower-case words, e.g. {@code purchase.recorded}; the first word groups types for
	 * wildcards ({@code purchase.*})
	 * @param eventClass the record the publishing module publishes
	 * @param description one sentence for the catalog
	 * @param example an instance the catalog shows as the example payload
	 */
	public static <E extends Record> WebhookEventType<E> of(String name, Class<E> eventClass, String description,
			E example) {
		Objects.requireNonNull(example, "example");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Webhook event type name must be dotted lower-case words: " + name);
		}
		return new WebhookEventType<>(name, eventClass, description, example, null, Set.of());
	}

	/**
	 * Marks the event as about one member: members' own endpoints receive it when it is about them, and
	 * {@code ordered} endpoints deliver one member's events one after another.
	 */
	public WebhookEventType<E> aboutMember(Function<E, @Nullable UUID> memberOf) {
		return new WebhookEventType<>(name, eventClass, description, example, memberOf, omitted);
	}

	/** Leaves these record components (Java names) out of the payload's data, e.g. personal data. */
	public WebhookEventType<E> omit(String... components) {
		Set<String> known = Arrays.stream(eventClass.getRecordComponents())
			.map(RecordComponent::getName)
			.collect(Collectors.toSet());
		for (String component : components) {
			if (!known.contains(component)) {
				throw new IllegalArgumentException(eventClass.getName() + " has no component " + component);
			}
		}
		Set<String> all = new java.util.HashSet<>(omitted);
		all.addAll(Arrays.asList(components));
		return new WebhookEventType<>(name, eventClass, description, example, member, all);
	}

	public String name() {
		return name;
	}

	public Class<E> eventClass() {
		return eventClass;
	}

	public String description() {
		return description;
	}

	public E example() {
		return example;
	}

	/** Components left out of the payload's data. */
	public Set<String> omitted() {
		return omitted;
	}

	/** Whether the event is about a member, and so may go to members' own endpoints. */
	public boolean aboutMember() {
		return member != null;
	}

	/** The member the event is about, if it is about one. */
	public @Nullable UUID memberOf(Object event) {
		return member == null ? null : member.apply(eventClass.cast(event));
	}

	/** The program the event belongs to. */
	public ProgramId programOf(Object event) {
		try {
			return (ProgramId) programAccessor.invoke(event);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read programId of " + eventClass.getName(), ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookEventType[" + name + " <- " + eventClass.getSimpleName() + "]";
	}
}
