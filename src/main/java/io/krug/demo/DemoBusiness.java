package io.krug.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The seed's five pilot partners (seed 003: "Текущий статус", integrations, analytics examples). */
record DemoBusiness(UUID id, Spec spec) {

	static final int MEMBERS = 500;

	/**
	 * @param check typical check in rubles: a log-normal around {@code median} within [min, max]
	 * @param monthsInProgram how long ago the partner joined (the commission starts after six months)
	 */
	record Spec(String slug, String name, String category, String description, String address, String owner,
			int monthsInProgram, int min, int median, int max, List<String> services) {

		BigDecimal check(Random random) {
			double value = median * Math.exp(random.nextGaussian() * 0.45);
			double clamped = Math.max(min, Math.min(max, value));
			return BigDecimal.valueOf(Math.round(clamped / 10.0) * 10L).setScale(2, RoundingMode.UNNECESSARY);
		}

		String service(Random random) {
			return services.get(random.nextInt(services.size()));
		}
	}

	static final List<Spec> PILOT = List.of(
			new Spec("mindal", "Салон Миндаль", "beauty_salon", "Салон красоты: маникюр, педикюр, брови, укладки.",
					"Москва, ул. Пятницкая, 10", "Мария Миндальная", 8, 1200, 3000, 9000,
					List.of("Маникюр", "Педикюр", "Окрашивание", "Укладка", "Коррекция бровей")),
			new Spec("lisichkino", "Рестолавка Лисичкино", "gastronomy",
					"Гастромаркет и ресторан: фермерские продукты, завтраки, ужины.", "Москва, ул. Большая Ордынка, 21",
					"Алиса Лисичкина", 8, 350, 1800, 6000,
					List.of("Завтрак", "Ужин", "Фермерская корзина", "Сыры и вино", "Кофе с собой")),
			new Spec("steam", "Стим Центр", "dentistry", "Стоматологическая клиника.", "Москва, Новокузнецкая ул., 7",
					"Светлана Стимова", 7, 2500, 9000, 60000, List.of("Стоматология")),
			new Spec("skinerica", "Skinerica", "cosmetology", "Клиника эстетической косметологии.",
					"Москва, Климентовский пер., 2", "Ксения Скинер", 5, 2500, 7500, 30000, List.of("Косметология")),
			new Spec("millenium", "Клиника Миллениум", "medicine", "Многопрофильный медицинский центр.",
					"Москва, ул. Бахрушина, 14", "Елена Миллер", 4, 1800, 5000, 25000, List.of("Медицина")));

	static final String[] FIRST_NAMES = { "Анна", "Мария", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна",
			"Ирина", "Светлана", "Юлия", "Анастасия", "Дарья", "Ксения", "Полина", "Виктория", "Алиса", "Вера",
			"Софья", "Марина", "Алёна" };

	static final String[] LAST_NAMES = { "Смирнова", "Иванова", "Кузнецова", "Попова", "Васильева", "Петрова",
			"Соколова", "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева",
			"Семёнова", "Егорова", "Павлова", "Козлова", "Степанова", "Николаева" };
}
