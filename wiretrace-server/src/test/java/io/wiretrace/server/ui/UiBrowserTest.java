package io.wiretrace.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.store.Store;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web UI end to end in headless Chromium (Debian {@code chromium} + {@code chromium-driver},
 * driven by Selenium; no Selenium Manager, no download): the demo corpus is ingested, then a user
 * opens the home page, searches, opens a story, reads its lineage graph, compares the spun copy with
 * its original and opens an outlet. Screenshots go to {@code target/ui-screenshots/}.
 *
 * <p>Where no Chromium is installed the test is skipped with a loud message ({@code .ci/run}
 * installs it). {@code WIRETRACE_CHROMIUM} and {@code WIRETRACE_CHROMEDRIVER} name other binaries.
 */
class UiBrowserTest {
  static final Path DEMO = Path.of("..", "demo", "corpus").toAbsolutePath().normalize();
  static final Path SHOTS = Path.of("target", "ui-screenshots");
  static Path data;
  static Store store;
  static ApiServer server;
  static WebDriver driver;

  static String binary(String env, String... candidates) {
    String v = System.getenv(env);
    if (v != null && Files.isExecutable(Path.of(v))) {
      return v;
    }
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    return null;
  }

  @BeforeAll
  static void start() throws IOException {
    String chromium = binary("WIRETRACE_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    String chromedriver = binary("WIRETRACE_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    if (chromium == null || chromedriver == null) {
      String msg = "\n\n*** UiBrowserTest SKIPPED: no Chromium/chromedriver found (install Debian packages chromium and "
          + "chromium-driver, or set WIRETRACE_CHROMIUM / WIRETRACE_CHROMEDRIVER). The web UI was NOT tested in a browser. ***\n";
      System.err.println(msg);
      Assumptions.assumeTrue(false, msg);
    }
    data = Files.createTempDirectory("wiretrace-ui");
    store = Store.open(data);
    Pipeline pipeline = Pipeline.builder().threads(2).paraphrases(false).build();
    store.ingest(pipeline.prepare(List.of(DEMO), store::contains));
    server = ApiServer.start(store, pipeline, "127.0.0.1", 0, 1 << 20);
    Files.createDirectories(SHOTS);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--metrics-recording-only",
        "--user-data-dir=" + Files.createTempDirectory("wiretrace-chromium"), "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(svc, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  static void open(String path) {
    driver.get("http://127.0.0.1:" + server.port() + path);
  }

  /**
   * Does {@code action} (a click on a link, Enter in a form) and waits until the page it leads to has
   * replaced this one: a key press or click returns before the browser navigates, and an element
   * looked up in between belongs to the page being left (a stale element once it unloads).
   */
  static void leadsToAPage(Runnable action) {
    WebElement old = driver.findElement(By.tagName("html"));
    action.run();
    org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** A screenshot of the whole page at {@code width}. */
  static void shot(String name, int width) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.manage().window().setSize(new Dimension(width, 1000));
    long h = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(8000, Math.max(600, h + 40))));
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  static void noConsoleErrors() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      assertThat(e.getLevel().intValue()).as("browser console: %s", e.getMessage()).isLessThan(Level.WARNING.intValue());
    }
  }

  @Test
  void analystWalksFromHomeToTheSpunCopy() throws IOException {
    // home: stories, orders, facets; "/" puts the cursor in the search box
    open("/");
    assertThat(driver.getTitle()).isEqualTo("Stories · wiretrace");
    List<WebElement> cards = driver.findElements(By.cssSelector("ol.cards li.card"));
    assertThat(cards).hasSize(5);
    assertThat(driver.findElements(By.cssSelector(".facets .facet h3"))).extracting(WebElement::getText)
        .contains("OUTLET", "MONTH", "RELATION KIND");
    shot("01-home", 1280);
    leadsToAPage(() -> driver.findElement(By.linkText("Most copied")).click());
    assertThat(driver.findElement(By.cssSelector(".tabs a[aria-current=page]")).getText()).isEqualTo("Most copied");
    List<WebElement> copied = driver.findElements(By.cssSelector("ol.cards li.card .count.echoes"));
    int first = Integer.parseInt(copied.get(0).getText().split(" ")[0]);
    int last = Integer.parseInt(copied.get(copied.size() - 1).getText().split(" ")[0]);
    assertThat(first).isGreaterThanOrEqualTo(last).isEqualTo(4); // the earthquake story: four echoes
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");

    // search, then narrow by an outlet facet
    leadsToAPage(() -> driver.switchTo().activeElement().sendKeys("treasurer", Keys.ENTER));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("treasurer");
    List<WebElement> hits = driver.findElements(By.cssSelector("ol.hits li.hit"));
    assertThat(hits).hasSize(4);
    assertThat(driver.findElements(By.cssSelector(".snippet b"))).isNotEmpty();
    shot("02-search", 1280);
    leadsToAPage(() -> driver.findElement(By.cssSelector(".facets a[href*='outlet=Meridian+Wire']")).click());
    assertThat(driver.findElements(By.cssSelector("ol.hits li.hit"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("a.chip")).getText()).contains("Meridian Wire");

    // the story: echo-aware header, roles, lineage edges
    leadsToAPage(() -> driver.findElement(By.cssSelector("ol.hits li.hit .meta a[href^='/story/']")).click());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Former Brenholm treasurer found guilty of diverting city funds");
    assertThat(driver.findElement(By.cssSelector(".figure.independent .big")).getText()).isEqualTo("2");
    assertThat(driver.findElement(By.cssSelector(".figure.echoes .big")).getText()).isEqualTo("2");
    List<WebElement> edges = driver.findElements(By.cssSelector("svg.lineage g.edge"));
    assertThat(edges).extracting(e -> e.getAttribute("data-original") + " -> " + e.getAttribute("data-copy") + " " + e.getAttribute("data-kind"))
        .containsExactlyInAnyOrder(
            "meridian/brenholm-treasurer-verdict -> farms/buzzwire-brenholm-treasurer.txt spun",
            "meridian/brenholm-treasurer-verdict -> farms/trendnews-brenholm-verdict.txt near_duplicate");
    assertThat(driver.findElements(By.cssSelector("svg.lineage g.node"))).hasSize(3);
    assertThat(driver.findElement(By.cssSelector("svg.lineage g.node.root")).getAttribute("data-id"))
        .isEqualTo("meridian/brenholm-treasurer-verdict");
    assertThat(driver.findElements(By.cssSelector("svg.coverage g.bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("ol.summary li"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("table.articles span.tag"))).extracting(WebElement::getText)
        .containsExactly("original", "original", "near duplicate", "spun");
    shot("03-story", 1280);
    // on a phone: nothing wider than the screen but the scrollable graph and tables
    driver.manage().window().setSize(new Dimension(390, 900));
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    shot("04-story-phone", 390);

    // copy vs original of the spun copy: synonym swaps marked with the original's words
    leadsToAPage(() -> driver.findElement(By.cssSelector("table.articles a.compare[href*='buzzwire']")).click());
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Copy vs original").contains("spun");
    List<WebElement> syn = driver.findElements(By.cssSelector(".diff .copy-cell mark.syn"));
    assertThat(syn.size()).isGreaterThanOrEqualTo(10);
    assertThat(syn).extracting(m -> m.getText() + " / " + m.getAttribute("title")).contains("tribunal / original: court",
        "attorney / original: lawyer");
    assertThat(driver.findElements(By.cssSelector(".diff-row.aligned")).size()).isGreaterThan(3); // row per shared paragraph
    assertThat(driver.findElements(By.cssSelector("ul.residue .reason"))).extracting(WebElement::getText).contains("site_tagline", "hashtags");
    assertThat(driver.findElement(By.cssSelector(".explain")).getText()).contains("WordNet synonym", "published first");
    // keyboard: a changed word takes focus and shows the original's wording
    assertThat(syn.get(0).getAttribute("tabindex")).isEqualTo("0");
    shot("05-compare", 1280);
    shot("06-compare-phone", 390);

    // the original's outlet: who copies it
    leadsToAPage(() -> driver.findElement(By.cssSelector(".original-side .meta a")).click());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Meridian Wire");
    String copiedBy = driver.findElement(By.xpath("//h2[@id='h-by']/following-sibling::*[1]")).getText();
    assertThat(copiedBy).contains("spun", "near duplicate");
    shot("07-outlet", 1280);

    // the storyline of the two Teranova visits, and the who-copies-whom table
    open("/storyline/s000002");
    assertThat(driver.findElements(By.cssSelector("ol.cards li.card"))).hasSize(2);
    shot("08-storyline", 1280);
    open("/outlets");
    assertThat(driver.findElements(By.cssSelector("table.ledger tbody tr"))).isNotEmpty();
    noConsoleErrors(); // includes Content-Security-Policy violations
    open("/story/nothing-here");
    assertThat(driver.findElement(By.cssSelector(".problem")).getText()).contains("no such story");
  }
}
