package dev.asyncz.store;

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
	void anIdMatchesByPrefixMindingCaseAndAFunctionByEquality() {
		TaskSearch search = new TaskSearch("mail", null, "user-1", null, 0, 10);
		assertThat(search.matchesAttributes("user-12", "mail", "x")).isTrue();
		assertThat(search.matchesAttributes("User-12", "mail", "x")).isFalse();
		assertThat(search.matchesAttributes("user-12", "mailer", "x")).isFalse();
	}

}
