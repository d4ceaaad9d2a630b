package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The privileges of each status, as seed 003 words them ("Уровни статусов"). The cashback line follows the
 * program's rules, so it stays true when an admin changes the rates (with the seed's rates it reads as the seed).
 */
final class Benefits {

	private Benefits() {
	}

	static List<String> of(MemberStatus status, LoyaltyRules rules) {
		List<String> benefits = new ArrayList<>();
		String cashback = percent(rules.cashback().of(status));
		switch (status) {
			case INSIDER -> {
				benefits.add("Базовый кешбэк " + cashback);
				benefits.add("Доступ к открытым мероприятиям");
				benefits.add("QR-карта участницы");
			}
			case VIP -> {
				benefits.add("Кешбэк " + cashback);
				benefits.add("Приоритетная запись");
				benefits.add("VIP-зона на мероприятиях");
				benefits.add("Двойные баллы за новые категории");
				benefits.add("Доступ к конструктору мероприятий (без веса голоса)");
			}
			case ELITE -> {
				benefits.add("Кешбэк " + cashback);
				benefits.add("Закрытые встречи с собственницами");
				benefits.add("Private-ужины и выездные мероприятия");
				benefits.add("Возможность влиять на линейки товаров/услуг");
				benefits.add("Вес голоса в конструкторе: 3.0");
				benefits.add("Персональный консьерж");
				benefits.add("Спецподарки ко дню рождения");
			}
			case INNER_CIRCLE -> {
				benefits.add("Все привилегии Elite");
				benefits.add("Статус \"амбассадор\"");
				benefits.add("Участие в стратегических сессиях");
				benefits.add("Личное представление в соцсетях клуба");
				benefits.add("Вес голоса: 5.0");
				benefits.add("Право вето на предложения мероприятий");
			}
		}
		return List.copyOf(benefits);
	}

	private static String percent(BigDecimal share) {
		return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}
}
