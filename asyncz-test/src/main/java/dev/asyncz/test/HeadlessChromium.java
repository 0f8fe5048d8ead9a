package dev.asyncz.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through its WebDriver server, with a profile of its own that
 * is deleted on {@link #close()}. Every wait is on a condition, up to {@link #TIMEOUT}: a
 * loaded machine makes a page slow, never a test wrong. Needs
 * {@code org.seleniumhq.selenium:selenium-chrome-driver} and {@code selenium-support} on
 * the test class path (optional dependencies of this module); guard the test class with
 * {@link RequiresChromium}.
 */
public final class HeadlessChromium implements AutoCloseable {

	/** The browser binary ({@code -Dchromium.binary} to use another). */
	public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	/** Its WebDriver server ({@code -Dchromedriver.binary} to use another). */
	public static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	/** The longest any wait lasts before the test fails. */
	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Path profile;

	private final WebDriver driver;

	private final WebDriverWait wait;

	private HeadlessChromium(Path profile, WebDriver driver) {
		this.profile = profile;
		this.driver = driver;
		// Pages that redraw as they poll replace an element between finding and reading
		// it: a stale element means "look again", not a failure.
		this.wait = new WebDriverWait(driver, TIMEOUT);
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	/**
	 * Starts a browser with an empty profile and a 1200 × 800 window.
	 * @return the browser
	 */
	public static HeadlessChromium start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("asyncz-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a profile directory for Chromium", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1200, 800));
		return new HeadlessChromium(profile, driver);
	}

	/**
	 * The WebDriver, for what this class does not offer.
	 * @return the driver
	 */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Loads a page.
	 * @param url the address
	 */
	public void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Waits until a condition holds (is neither {@code null} nor {@code false}).
	 * @param <T> what the condition returns
	 * @param condition the condition, such as one of Selenium's
	 * {@link ExpectedConditions}
	 * @return the condition's last value
	 */
	public <T> T await(Function<? super WebDriver, T> condition) {
		return this.wait.until(condition);
	}

	/**
	 * Waits until an element's text is exactly the given one.
	 * @param locator the element
	 * @param text the text
	 */
	public void awaitText(By locator, String text) {
		await(ExpectedConditions.textToBe(locator, text));
	}

	/**
	 * Waits until an element is on the page.
	 * @param locator the element
	 * @return the element
	 */
	public WebElement awaitPresent(By locator) {
		return await(ExpectedConditions.presenceOfElementLocated(locator));
	}

	/**
	 * Waits until no element matches.
	 * @param locator the elements
	 */
	public void awaitAbsent(By locator) {
		await((driver) -> driver.findElements(locator).isEmpty());
	}

	/**
	 * The elements on the page now.
	 * @param locator the elements
	 * @return them, in document order
	 */
	public List<WebElement> findAll(By locator) {
		return this.driver.findElements(locator);
	}

	/**
	 * Clicks an element once it can be clicked, finding it again if the page redrew it
	 * between finding and clicking.
	 * @param locator the element
	 */
	public void click(By locator) {
		await(ExpectedConditions.elementToBeClickable(locator));
		await((driver) -> {
			driver.findElement(locator).click();
			return true;
		});
	}

	/**
	 * Clicks an element that asks for confirmation, and confirms.
	 * @param locator the element
	 * @return the question the page asked
	 */
	public String clickAndConfirm(By locator) {
		click(locator);
		Alert confirmation = await(ExpectedConditions.alertIsPresent());
		String question = confirmation.getText();
		confirmation.accept();
		return question;
	}

	/**
	 * Sends a request from the open page, as a script on it could (same origin, its
	 * cookies), whatever buttons the page shows.
	 * @param method the HTTP method
	 * @param url the address, relative to the open page
	 * @return the response's status code
	 */
	public int fetchStatus(String method, String url) {
		Object status = ((JavascriptExecutor) this.driver).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {method: arguments[1]}).then(function (r) { done(r.status); });",
				url, method);
		return ((Number) status).intValue();
	}

	/**
	 * A screenshot of the window.
	 * @return the PNG image
	 */
	public byte[] screenshot() {
		return ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
	}

	/**
	 * Quits the browser and deletes its profile.
	 */
	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot delete Chromium's profile " + this.profile, ex);
			}
		}
	}

}
