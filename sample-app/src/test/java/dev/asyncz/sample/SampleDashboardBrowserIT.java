package dev.asyncz.sample;

import java.nio.file.Path;
import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.test.HeadlessChromium;
import dev.asyncz.test.RequiresChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's dashboard in headless Chromium: the real sample application, started twice
 * on random ports over H2 file databases of its own (as it keeps reminders when run),
 * once as shipped (writes enabled) and once with
 * {@code asyncz.dashboard.writes-enabled=false}. Reminders are scheduled through the
 * sample's HTTP API, an hour or two ahead, so only the dashboard's buttons make them run.
 */
@RequiresChromium
class SampleDashboardBrowserIT {

	@TempDir
	static Path data;

	private static ConfigurableApplicationContext shipped;

	private static ConfigurableApplicationContext readOnly;

	private HeadlessChromium browser;

	@BeforeAll
	static void startTheSampleTwice() {
		shipped = start("shipped", true);
		readOnly = start("read-only", false);
	}

	@AfterAll
	static void stopTheSamples() {
		shipped.close();
		readOnly.close();
	}

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void everyPageShowsTheSamplesSchedulerRemindersAndRuns() {
		String water = schedule(shipped, "Water the plants", "PT1H");
		String stretch = schedule(shipped, "Stand up and stretch", "PT2H");
		open(shipped, "#/overview");
		this.browser.awaitText(By.id("scheduler-state"), "RUNNING");
		this.browser.awaitText(By.id("mode"), "writes enabled");
		this.browser.click(By.cssSelector("a[href='#/tasks?store=reminders']"));
		assertThat(row(water).getText()).contains("Water the plants", "send-reminder", "SCHEDULED");
		assertThat(row(stretch).getText()).contains("Stand up and stretch", "send-reminder", "SCHEDULED");
		this.browser.click(By.linkText(stretch));
		this.browser.awaitText(By.id("task-state"), "SCHEDULED");
		// A reminder is a one-shot: one fire time, and no run yet.
		this.browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#next-fire-times li"), 1));
		assertThat(this.browser.findAll(By.cssSelector(".run-row"))).isEmpty();
		this.browser.click(By.id("nav-tasks"));
		// Without a store named, the list is of the first store: the annotated tasks.
		this.browser.awaitPresent(By.cssSelector(".task-row[data-task-id='outbox-report']"));
		this.browser.awaitPresent(By.cssSelector(".task-row[data-task-id='pending-report']"));
		this.browser.click(By.id("nav-runs"));
		this.browser.awaitPresent(By.cssSelector("#run-list table"));
	}

	@Test
	void pausingAReminderShowsItPausedAndResumingSchedulesItAgain() {
		Scheduler scheduler = shipped.getBean(Scheduler.class);
		String id = schedule(shipped, "Call the dentist", "PT1H");
		open(shipped, "#/task?id=" + id);
		assertThat(this.browser.clickAndConfirm(By.id("action-pause"))).isEqualTo("Pause task " + id + "?");
		this.browser.awaitText(By.id("task-state"), "PAUSED");
		assertThat(scheduler.get(id).orElseThrow().paused()).isTrue();
		this.browser.clickAndConfirm(By.id("action-resume"));
		this.browser.awaitText(By.id("task-state"), "SCHEDULED");
		assertThat(scheduler.get(id).orElseThrow().paused()).isFalse();
	}

	@Test
	void runningAReminderNowDeliversItOnceShowsTheRunAndRemovesIt() {
		String id = schedule(shipped, "Take out the bins", "PT2H");
		open(shipped, "#/task?id=" + id);
		this.browser.clickAndConfirm(By.id("action-run"));
		// Its one fire time was brought forward: delivered now, and not again at its
		// time.
		this.browser.awaitPresent(By.id("task-gone"));
		By run = By.cssSelector(".run-row[data-task-id='" + id + "'][data-outcome='SUCCESS']");
		this.browser.awaitPresent(run);
		assertThat(shipped.getBean(Outbox.class).contains(id)).isTrue();
		assertThat(shipped.getBean(Scheduler.class).get(id)).isEmpty();
		this.browser.click(By.id("nav-runs"));
		assertThat(this.browser.awaitPresent(run).getText()).contains("send-reminder");
	}

	@Test
	void deletingAReminderAsksFirstThenRemovesIt() {
		String id = schedule(shipped, "Cancel the newspaper", "PT1H");
		open(shipped, "#/task?id=" + id);
		assertThat(this.browser.clickAndConfirm(By.id("action-delete"))).isEqualTo("Delete task " + id + "?");
		// Once deleted, the page goes back to the task list.
		this.browser.await(ExpectedConditions.urlMatches("#/tasks$"));
		assertThat(shipped.getBean(Scheduler.class).get(id)).isEmpty();
		assertThat(status(http(shipped).get().uri("/reminders/{id}", id))).isEqualTo(404);
	}

	@Test
	void aQuarantinedReminderIsReReadOnceItsDataIsRepaired() {
		Scheduler scheduler = shipped.getBean(Scheduler.class);
		String id = schedule(shipped, "Renew the passport", "PT2H");
		String arguments = quarantine(id);
		open(shipped, "#/tasks?store=reminders&status=quarantined");
		this.browser.awaitPresent(quarantinedRow(id));
		setArguments(id, arguments);
		this.browser.clickAndConfirm(By.cssSelector(".quarantined-row[data-task-id='" + id + "'] .action-retry"));
		this.browser.awaitAbsent(quarantinedRow(id));
		assertThat(scheduler.get(id))
			.hasValueSatisfying((task) -> assertThat(task.name()).isEqualTo("Renew the passport"));
		assertThat(status(http(shipped).get().uri("/reminders/{id}", id))).isEqualTo(200);
	}

	@Test
	void aQuarantinedReminderIsDeletedAfterConfirmation() {
		Scheduler scheduler = shipped.getBean(Scheduler.class);
		String id = schedule(shipped, "Book the garage", "PT2H");
		quarantine(id);
		open(shipped, "#/tasks?store=reminders&status=quarantined");
		this.browser.awaitPresent(quarantinedRow(id));
		assertThat(this.browser
			.clickAndConfirm(By.cssSelector(".quarantined-row[data-task-id='" + id + "'] .action-delete")))
			.isEqualTo("Delete quarantined task " + id + " of store reminders?");
		this.browser.awaitAbsent(quarantinedRow(id));
		assertThat(scheduler.listQuarantined("reminders", 0, 1000)).noneMatch((task) -> task.taskId().equals(id));
		assertThat(scheduler.get(id)).isEmpty();
	}

	@Test
	void aReadOnlyDashboardShowsNoWriteButtonsAndRefusesAForgedWrite() {
		Scheduler scheduler = readOnly.getBean(Scheduler.class);
		String id = schedule(readOnly, "Look but do not touch", "PT1H");
		open(readOnly, "#/task?id=" + id);
		this.browser.awaitPresent(By.id("read-only-note"));
		this.browser.awaitText(By.id("mode"), "read-only");
		this.browser.awaitText(By.id("task-state"), "SCHEDULED");
		assertThat(this.browser.findAll(By.tagName("button"))).isEmpty();
		assertThat(this.browser.fetchStatus("POST", "api/task/pause?id=" + id)).isEqualTo(403);
		assertThat(this.browser.fetchStatus("POST", "api/task/run?id=" + id)).isEqualTo(403);
		assertThat(this.browser.fetchStatus("DELETE", "api/task?id=" + id)).isEqualTo(403);
		assertThat(scheduler.get(id)).hasValueSatisfying((task) -> {
			assertThat(task.paused()).isFalse();
			assertThat(task.nextRunTime()).isAfter(scheduler.clock().instant());
		});
	}

	private WebElement row(String id) {
		return this.browser.awaitPresent(taskRow(id));
	}

	private static By taskRow(String id) {
		return By.cssSelector(".task-row[data-task-id='" + id + "']");
	}

	private static By quarantinedRow(String id) {
		return By.cssSelector(".quarantined-row[data-task-id='" + id + "']");
	}

	/**
	 * Breaks a reminder's stored arguments, as a faulty migration or a hand edit would,
	 * and reads it, which quarantines it.
	 * @return the arguments as they were, to repair it with
	 */
	private static String quarantine(String id) {
		String arguments = jdbc().queryForObject("SELECT arguments_json FROM reminders_tasks WHERE id = ?",
				String.class, id);
		setArguments(id, "{not json");
		assertThat(shipped.getBean(Scheduler.class).get(id)).isEmpty();
		return arguments;
	}

	private static void setArguments(String id, String json) {
		assertThat(jdbc().update("UPDATE reminders_tasks SET arguments_json = ? WHERE id = ?", json, id)).isOne();
	}

	private static JdbcTemplate jdbc() {
		return shipped.getBean(JdbcTemplate.class);
	}

	/**
	 * Schedules a reminder through the sample's HTTP API.
	 * @return its id
	 */
	private static String schedule(ConfigurableApplicationContext application, String text, String in) {
		Map<?, ?> created = http(application).post()
			.uri("/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("in", in, "text", text))
			.retrieve()
			.body(Map.class);
		return (String) created.get("id");
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode()).value();
	}

	private void open(ConfigurableApplicationContext application, String fragment) {
		this.browser.open(baseUrl(application) + "/asyncz/" + fragment);
	}

	private static RestClient http(ConfigurableApplicationContext application) {
		return RestClient.create(baseUrl(application));
	}

	private static String baseUrl(ConfigurableApplicationContext application) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	/**
	 * Starts the sample application as shipped, but on a random port, over a database of
	 * its own, with the dashboard polling every second.
	 */
	private static ConfigurableApplicationContext start(String name, boolean writesEnabled) {
		return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve(name).resolve("reminders"),
				"--asyncz.dashboard.poll-interval=1s", "--asyncz.dashboard.writes-enabled=" + writesEnabled);
	}

}
