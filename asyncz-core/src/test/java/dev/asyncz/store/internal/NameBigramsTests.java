package dev.asyncz.store.internal;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameBigramsTests {

	@Test
	void aNameMayContainEveryPartOfItInAnyCase() {
		Random random = new Random(5);
		for (int n = 0; n < 5_000; n++) {
			StringBuilder name = new StringBuilder();
			for (int i = 0, length = 1 + random.nextInt(20); i < length; i++) {
				name.append((char) (0x20 + random.nextInt(0xE0)));
			}
			int from = random.nextInt(name.length());
			int to = from + 1 + random.nextInt(name.length() - from);
			String part = name.substring(from, to).toLowerCase(Locale.ROOT);
			// Upper-cased, some names change their length (ß becomes SS): only what a
			// name lowered contains counts.
			for (String text : new String[] { name.toString(), name.toString().toUpperCase(Locale.ROOT) }) {
				if (text.toLowerCase(Locale.ROOT).contains(part)) {
					assertThat(NameBigrams.mayContain(NameBigrams.ofName(text), NameBigrams.ofPart(part)))
						.as("'%s' in '%s'", part, text)
						.isTrue();
				}
			}
		}
	}

	@Test
	void aNameLackingAPairOfTheTextCannotContainIt() {
		assertThat(NameBigrams.mayContain(NameBigrams.ofName("Reminder 12"), NameBigrams.ofPart("reminder 99")))
			.isFalse();
	}

	@Test
	void aNameBeyondLatin1MayContainAnything() {
		assertThat(NameBigrams.ofName("\u212Aelvin")).isEqualTo(NameBigrams.UNKNOWN);
		assertThat(NameBigrams.mayContain(NameBigrams.ofName("\u0130x"), NameBigrams.ofPart("zz"))).isTrue();
	}

	@Test
	void aOneCharacterTextMayBeInEveryName() {
		assertThat(NameBigrams.ofPart("q")).isZero();
		assertThat(NameBigrams.mayContain(NameBigrams.ofName("abc"), NameBigrams.ofPart("q"))).isTrue();
	}

}
