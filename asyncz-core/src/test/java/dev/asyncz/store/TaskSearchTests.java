package dev.asyncz.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TaskSearch}'s filters on a task's attributes.
 */
class TaskSearchTests {

	@Test
	void aNameMatchesWhenItContainsTheTextIgnoringCaseAsLowerCasingBothWould() {
		TaskSearch search = new TaskSearch(null, null, null, "Report 9", 0, 10);
		assertThat(search.matchesAttributes("id", "f", "Weekly REPORT 99")).isTrue();
		assertThat(search.matchesAttributes("id", "f", "report 8")).isFalse();
		assertThat(search.matchesAttributes("id", "f", "Report")).isFalse();
		assertThat(new TaskSearch(null, null, null, "ÄRGER", 0, 10).matchesAttributes("id", "f", "Großer Ärger"))
			.isTrue();
		assertThat(new TaskSearch(null, null, null, "ä", 0, 10).matchesAttributes("id", "f", "a")).isFalse();
	}

	@Test
	void aNameBeyondAsciiMatchesAsLoweringTheWholeNameWould() {
		// The Kelvin sign lowers to an ASCII k; a dotted capital I lowers to two
		// characters, moving what follows it.
		assertThat(new TaskSearch(null, null, null, "kelvin", 0, 10).matchesName("\u212Aelvin scale")).isTrue();
		assertThat(new TaskSearch(null, null, null, "x report", 0, 10).matchesName("\u0130x Report")).isTrue();
		assertThat(new TaskSearch(null, null, null, "report", 0, 10).matchesName("Rep\u00D6rt")).isFalse();
		assertThat(new TaskSearch(null, null, null, "ort", 0, 10).matchesName("Report \u00C4")).isTrue();
		assertThat(new TaskSearch(null, null, null, "\u00E4r", 0, 10).matchesName("Large \u00C4rger")).isTrue();
	}

	@Test
	void everyLatin1AndSomeOtherCharactersMatchAsLoweringTheWholeNameWould() {
		String[] others = { "\u0130", "\u212A", "\u0391", "\u03A3", "\uD83D\uDE00" };
		List<String> pieces = new ArrayList<>(List.of(others));
		for (char c = 0x20; c <= 0xFF; c++) {
			pieces.add(String.valueOf(c));
		}
		for (String piece : pieces) {
			String text = "Ab" + piece + "Cd";
			for (String part : List.of(piece, "b" + piece, piece + "c", "b" + piece.toUpperCase(), "ab", "cd", "bc")) {
				if (part.isBlank()) {
					continue;
				}
				boolean expected = text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
				assertThat(new TaskSearch(null, null, null, part, 0, 10).matchesName(text))
					.as("'%s' in '%s'", part, text)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void aNameIsSearchedInFullWhenItsStartOnlyNearlyMatches() {
		TaskSearch search = new TaskSearch(null, null, null, "aab", 0, 10);
		assertThat(search.matchesName("AAAB")).isTrue();
		assertThat(search.matchesName("aa")).isFalse();
		assertThat(search.matchesName("xaAx aAB")).isTrue();
	}

	@Test
	void anIdMatchesByPrefixMindingCaseAndAFunctionByEquality() {
		TaskSearch search = new TaskSearch("mail", null, "user-1", null, 0, 10);
		assertThat(search.matchesAttributes("user-12", "mail", "x")).isTrue();
		assertThat(search.matchesAttributes("User-12", "mail", "x")).isFalse();
		assertThat(search.matchesAttributes("user-12", "mailer", "x")).isFalse();
	}

}
