package dev.asyncz.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.HeadlessChromium;
import dev.asyncz.test.RequiresChromium;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium, against two real servers on random ports: one with
 * writes enabled, one read-only. Saves a screenshot of the overview as
 * {@code target/dashboard.png} (the README's picture is a copy of it).
 */
@RequiresChromium
class DashboardBrowserIT {

	private static ConfigurableApplicationContext writable;

	private static ConfigurableApplicationContext readOnly;

	private HeadlessChromium browser;

	@BeforeAll
	static void startApplications() {
		writable = start("asyncz.dashboard.writes-enabled=true");
		readOnly = start("asyncz.dashboard.writes-enabled=false");
	}

	@AfterAll
	static void stopApplications() {
		writable.close();
		readOnly.close();
	}

	@BeforeEach
	void openBrowser() {
		for (ConfigurableApplicationContext application : new ConfigurableApplicationContext[] { writable, readOnly }) {
			addReminders(application.getBean(Scheduler.class));
		}
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void everyPageLoadsWithTheSchedulersData() {
		open(writable, "#/overview");
		this.browser.awaitText(By.id("scheduler-state"), "RUNNING");
		this.browser.awaitText(By.id("mode"), "writes enabled");
		this.browser.click(By.id("nav-tasks"));
		this.browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-row"), 3));
		this.browser.awaitPresent(By.id("filter-idPrefix")).sendKeys("reminder-2");
		this.browser.click(By.cssSelector("#task-filters button[type=submit]"));
		this.browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-row"), 1));
		this.browser.click(By.linkText("reminder-2"));
		this.browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#next-fire-times li"), 10));
		this.browser.click(By.id("nav-runs"));
		this.browser.awaitPresent(By.cssSelector("#run-list table"));
	}

	@Test
	void pausingAndResumingATaskShowsItsNewState() {
		Scheduler scheduler = writable.getBean(Scheduler.class);
		open(writable, "#/task?id=reminder-1");
		this.browser.clickAndConfirm(By.id("action-pause"));
		this.browser.awaitText(By.id("task-state"), "PAUSED");
		assertThat(scheduler.get("reminder-1").orElseThrow().paused()).isTrue();
		this.browser.clickAndConfirm(By.id("action-resume"));
		this.browser.awaitText(By.id("task-state"), "SCHEDULED");
		assertThat(scheduler.get("reminder-1").orElseThrow().paused()).isFalse();
	}

	@Test
	void runningATaskNowShowsItsRunAndTheOverviewCountsIt() throws IOException {
		open(writable, "#/task?id=reminder-2");
		this.browser.clickAndConfirm(By.id("action-run"));
		this.browser.awaitPresent(By.cssSelector(".run-row[data-task-id='reminder-2']"));
		this.browser.click(By.id("nav-runs"));
		this.browser.awaitPresent(By.cssSelector(".run-row[data-task-id='reminder-2'][data-outcome='SUCCESS']"));
		this.browser.click(By.id("nav-overview"));
		this.browser.awaitText(By.id("scheduler-state"), "RUNNING");
		byte[] screenshot = this.browser.screenshot();
		assertThat(screenshot.length).isLessThan(200 * 1024);
		Files.write(Path.of("target", "dashboard.png"), screenshot);
	}

	@Test
	void aReadOnlyDashboardShowsNoWriteButtonsAndRefusesWrites() {
		open(readOnly, "#/task?id=reminder-1");
		this.browser.awaitPresent(By.id("read-only-note"));
		this.browser.awaitText(By.id("mode"), "read-only");
		assertThat(this.browser.findAll(By.cssSelector("[id^='action-']"))).isEmpty();
		assertThat(this.browser.fetchStatus("POST", "api/task/pause?id=reminder-1")).isEqualTo(403);
		assertThat(readOnly.getBean(Scheduler.class).get("reminder-1").orElseThrow().paused()).isFalse();
	}

	private void open(ConfigurableApplicationContext application, String fragment) {
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		this.browser.open("http://127.0.0.1:" + port + "/asyncz/" + fragment);
	}

	private static void addReminders(Scheduler scheduler) {
		scheduler.deleteAll(null);
		scheduler.add(TaskRequest.of("report", Triggers.every(Duration.ofHours(1)))
			.id("reminder-1")
			.name("Water the plants")
			.build());
		scheduler.add(TaskRequest.of("report", Triggers.every(Duration.ofMinutes(30)))
			.id("reminder-2")
			.name("Stand up and stretch")
			.build());
		scheduler.add(TaskRequest.of("cleanup", Triggers.cron("0 3 * * *")).id("nightly-cleanup").build());
	}

	private static ConfigurableApplicationContext start(String writes) {
		return new SpringApplicationBuilder(DashboardTestApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", "asyncz.dashboard.enabled=true",
					"asyncz.dashboard.poll-interval=1s", writes)
			.run();
	}

}
