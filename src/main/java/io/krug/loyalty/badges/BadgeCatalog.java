package io.krug.loyalty.badges;

import io.krug.partners.Category;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Seed 003's badges ("Система бейджей"): one per category of the program ({@code category:<key>}, with the seed's
 * emoji and short name for its nine categories, the category's own name for others) and the special ones.
 */
final class BadgeCatalog {

	static final String CATEGORY_PREFIX = "category:";

	static final String OTHER_CATEGORY_EMOJI = "🏷️";

	/** The seed's emoji and short name of its nine categories. */
	private static final Map<String, Look> CATEGORIES = Map.of("beauty_salon", new Look("💄", "Красота"), "cosmetology",
			new Look("✨", "Косметология"), "dentistry", new Look("🦷", "Стоматология"), "medicine",
			new Look("🏥", "Медицина"), "gastronomy", new Look("🍽️", "Гастрономия"), "floristry",
			new Look("🌺", "Флористика"), "optics", new Look("👓", "Оптика"), "home", new Look("🏠", "Дом"), "legal",
			new Look("⚖️", "Юридические услуги"));

	private BadgeCatalog() {
	}

	/** How a badge shows: emoji and Russian name. */
	record Look(String emoji, String name) {
	}

	/** The badges that are not about one category. */
	enum Special {

		FIRST_REGISTRATION("first_registration", "🌟", "Первопроходец", "Первая регистрация в клубе", null),
		FRIEND_OF_THE_CLUB("friend_of_the_club", "👥", "Друг клуба", "Пригласить в клуб ≥3 подруг",
				BigDecimal.valueOf(3)),
		PARTY_GOER("party_goer", "🎉", "Тусовщица", "Посетить ≥10 мероприятий клуба", BigDecimal.valueOf(10)),
		COLLECTOR("collector", "💎", "Коллекционер", "Собрать все категории клуба", null),
		INVESTOR("investor", "📈", "Инвестор", "Потратить в клубе ≥250 000 ₽ за всё время", BigDecimal.valueOf(250_000));

		final String key;

		final Look look;

		final String requirement;

		/** The count or spend that earns the badge, where it is one number. */
		final @Nullable BigDecimal threshold;

		Special(String key, String emoji, String name, String requirement, @Nullable BigDecimal threshold) {
			this.key = key;
			this.look = new Look(emoji, name);
			this.requirement = requirement;
			this.threshold = threshold;
		}

		static Optional<Special> of(String key) {
			for (Special s : values()) {
				if (s.key.equals(key)) {
					return Optional.of(s);
				}
			}
			return Optional.empty();
		}
	}

	static String categoryKey(String category) {
		return CATEGORY_PREFIX + category;
	}

	static Look look(Category category) {
		return CATEGORIES.getOrDefault(category.key(), new Look(OTHER_CATEGORY_EMOJI, category.name()));
	}

	/** The look of any badge key; for a category no longer in the program, its key. */
	static Look look(String badge, Map<String, Category> categories) {
		if (badge.startsWith(CATEGORY_PREFIX)) {
			String key = badge.substring(CATEGORY_PREFIX.length());
			Category category = categories.get(key);
			return category != null ? look(category)
					: CATEGORIES.getOrDefault(key, new Look(OTHER_CATEGORY_EMOJI, key));
		}
		return Special.of(badge).map(s -> s.look).orElse(new Look(OTHER_CATEGORY_EMOJI, badge));
	}

	static String categoryRequirement(Category category) {
		return "Покупка в категории «" + category.name() + "»";
	}
}
