package dev.asyncz.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

	private Path profile;

	private WebDriver browser;

	private WebDriverWait wait;

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
	void openBrowser() throws IOException {
		for (ConfigurableApplicationContext application : new ConfigurableApplicationContext[] { writable, readOnly }) {
			addReminders(application.getBean(Scheduler.class));
		}
		this.profile = Files.createTempDirectory("asyncz-dashboard-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(RequiresChromium.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().window().setSize(new Dimension(1200, 800));
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() throws IOException {
		this.browser.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	void everyPageLoadsWithTheSchedulersData() {
		open(writable, "#/overview");
		this.wait.until(ExpectedConditions.textToBe(By.id("scheduler-state"), "RUNNING"));
		assertThat(this.browser.findElement(By.id("mode")).getText()).isEqualTo("writes enabled");
		this.browser.findElement(By.id("nav-tasks")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-row"), 3));
		this.browser.findElement(By.id("filter-idPrefix")).sendKeys("reminder-2");
		this.browser.findElement(By.cssSelector("#task-filters button[type=submit]")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-row"), 1));
		this.browser.findElement(By.linkText("reminder-2")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#next-fire-times li"), 10));
		this.browser.findElement(By.id("nav-runs")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#run-list table")));
	}

	@Test
	void pausingAndResumingATaskShowsItsNewState() {
		Scheduler scheduler = writable.getBean(Scheduler.class);
		open(writable, "#/task?id=reminder-1");
		confirm(By.id("action-pause"));
		this.wait.until(ExpectedConditions.textToBe(By.id("task-state"), "PAUSED"));
		assertThat(scheduler.get("reminder-1").orElseThrow().paused()).isTrue();
		confirm(By.id("action-resume"));
		this.wait.until(ExpectedConditions.textToBe(By.id("task-state"), "SCHEDULED"));
		assertThat(scheduler.get("reminder-1").orElseThrow().paused()).isFalse();
	}

	@Test
	void runningATaskNowShowsItsRunAndTheOverviewCountsIt() throws IOException {
		open(writable, "#/task?id=reminder-2");
		confirm(By.id("action-run"));
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-row[data-task-id='reminder-2']")));
		this.browser.findElement(By.id("nav-runs")).click();
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".run-row[data-task-id='reminder-2'][data-outcome='SUCCESS']")));
		this.browser.findElement(By.id("nav-overview")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("scheduler-state"), "RUNNING"));
		byte[] screenshot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		assertThat(screenshot.length).isLessThan(200 * 1024);
		Files.write(Path.of("target", "dashboard.png"), screenshot);
	}

	@Test
	void aReadOnlyDashboardShowsNoWriteButtonsAndRefusesWrites() {
		open(readOnly, "#/task?id=reminder-1");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-only-note")));
		assertThat(this.browser.findElement(By.id("mode")).getText()).isEqualTo("read-only");
		assertThat(this.browser.findElements(By.cssSelector("[id^='action-']"))).isEmpty();
		Object status = ((JavascriptExecutor) this.browser)
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch('api/task/pause?id=reminder-1', {method: 'POST'}).then(function (r) { done(r.status); });");
		assertThat(status).isEqualTo(403L);
		assertThat(readOnly.getBean(Scheduler.class).get("reminder-1").orElseThrow().paused()).isFalse();
	}

	private void open(ConfigurableApplicationContext application, String fragment) {
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		this.browser.get("http://127.0.0.1:" + port + "/asyncz/" + fragment);
	}

	private void confirm(By button) {
		this.wait.until(ExpectedConditions.elementToBeClickable(button));
		// The page redraws on every poll: a button found just before a redraw is gone by
		// the click, so find and click again until a click lands.
		this.wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(button).click();
			return true;
		});
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
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
