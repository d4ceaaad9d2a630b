package io.krug.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AllocationProperties {

	@Property
	void fifoTakesWhatIsAskedOrAllThereIsOldestFirst(@ForAll("slices") List<LotMove> slices,
			@ForAll @IntRange(min = 1, max = 200_000) int cents) {
		BigDecimal amount = BigDecimal.valueOf(cents, 2);
		BigDecimal total = Amounts.sum(slices, LotMove::amount);

		List<LotMove> taken = Allocation.fifo(slices, amount);

		assertThat(Amounts.sum(taken, LotMove::amount)).isEqualByComparingTo(amount.min(total));
		for (int i = 0; i < taken.size(); i++) {
			assertThat(taken.get(i).lotId()).isEqualTo(slices.get(i).lotId());
			assertThat(taken.get(i).amount()).isPositive().isLessThanOrEqualTo(slices.get(i).amount());
			if (i < taken.size() - 1) {
				assertThat(taken.get(i).amount()).as("all but the last are used up").isEqualTo(slices.get(i).amount());
			}
		}
	}

	@Property
	void proportionalSharesSumExactlyAndStayWithinACentOfTheProportion(@ForAll("slices") List<LotMove> slices,
			@ForAll @IntRange(min = 0, max = 1000) int permille) {
		BigDecimal total = Amounts.sum(slices, LotMove::amount);
		BigDecimal amount = total.multiply(BigDecimal.valueOf(permille, 3)).setScale(2, java.math.RoundingMode.DOWN);

		List<LotMove> shares = Allocation.proportional(slices, amount);

		assertThat(Amounts.sum(shares, LotMove::amount)).isEqualByComparingTo(amount);
		for (LotMove share : shares) {
			LotMove slice = slices.stream().filter(s -> s.lotId().equals(share.lotId())).findFirst().orElseThrow();
			assertThat(share.amount()).isPositive().isLessThanOrEqualTo(slice.amount());
			BigDecimal exact = amount.multiply(slice.amount()).divide(total, MathContext.DECIMAL128);
			assertThat(share.amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
		}
	}

	@Property
	void restoringEverythingGivesEachSliceBackInFull(@ForAll("slices") List<LotMove> slices) {
		List<LotMove> shares = Allocation.proportional(slices, Amounts.sum(slices, LotMove::amount));

		assertThat(shares).containsExactlyElementsOf(slices);
	}

	@Provide
	Arbitrary<List<LotMove>> slices() {
		return Arbitraries.integers()
			.between(1, 50_000)
			.map(cents -> new LotMove(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.valueOf(cents, 2)))
			.list()
			.ofMinSize(1)
			.ofMaxSize(8);
	}
}
