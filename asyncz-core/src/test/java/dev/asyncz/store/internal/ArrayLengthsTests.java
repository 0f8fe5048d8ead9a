package dev.asyncz.store.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ArrayLengthsTests {

	@Test
	void lengthsWithTheirHeaderMakeAPowerOfTwo() {
		for (int slots : new int[] { 1, 12, 13, 1_000, 1_000_000, 1_048_572, 1_048_573 }) {
			int length = ArrayLengths.atLeast(slots);
			assertThat(Integer.bitCount(length + 4)).isOne();
			assertThat(length).isGreaterThanOrEqualTo(slots);
		}
	}

	@Test
	void theShortestLengthThatHoldsTheSlotsIsChosen() {
		assertThat(ArrayLengths.atLeast(1_000_000)).isEqualTo((1 << 20) - 4);
		assertThat(ArrayLengths.atLeast((1 << 20) - 4)).isEqualTo((1 << 20) - 4);
		assertThat(ArrayLengths.atLeast((1 << 20) - 3)).isEqualTo((1 << 21) - 4);
	}

	@Test
	void doublingAndHalvingStepBetweenSuchLengths() {
		int length = ArrayLengths.atLeast(1_000);
		assertThat(ArrayLengths.doubled(length)).isEqualTo(2 * (length + 4) - 4);
		assertThat(ArrayLengths.halved(ArrayLengths.doubled(length))).isEqualTo(length);
		assertThat(ArrayLengths.halved(ArrayLengths.MIN)).isEqualTo(ArrayLengths.MIN);
	}

	@Test
	void moreSlotsThanAnArrayCanHoldAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ArrayLengths.atLeast(Integer.MAX_VALUE))
			.withMessageContaining("billion tasks");
	}

}
