package org.navette.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.RequestState;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium, on a phone-sized window, used with the keyboard only: a query
 * typed, results streaming in with the slow catalogue marked slow and the refused one failed, a
 * facet filter, and "ask to borrow" answered with the lenders. Screenshots go to
 * {@code target/portal-screenshots/}.
 */
class PortalBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "portal-screenshots");

    private static PortalFixture fixture;
    private static BorrowDesk desk;
    private static PortalServer portal;
    private static ChromeDriver driver;
    private static Path profile;
    @TempDir
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install chromium chromium-driver, as scripts/test.sh does");
        // the slow catalogue takes 4 s: long enough to be seen slow while the others' results show
        fixture = PortalFixture.start("4", Duration.ofSeconds(10), data, b -> b);
        desk = fixture.desk;
        portal = fixture.portal;
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("navette-chromium-");
        // the driver's path given outright, so Selenium Manager never looks for (or downloads) one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine's network is closed: without the background-networking flags Chromium waits on refused connections
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(360, 800));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    @Test
    void aQueryStreamsResultsShowsEachCatalogueFiltersByFacetAndAsksToBorrow() throws Exception {
        // the page re-renders as events arrive: an element found a moment ago may have been replaced
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(portal.uri().toString());
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(driver.switchTo().activeElement()).isEqualTo(q);  // the search box has the focus from the start
        assertThat(driver.findElement(By.cssSelector("label[for=q]")).getText()).isNotBlank();
        shot("1-page");

        q.sendKeys("title=computer", Keys.ENTER);

        // streamed: results shown while the slow catalogue is still searching, and marked slow
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#progress li[data-target=slow]"), "class", "slow"));
        wait.until(d -> !d.findElements(By.cssSelector("#clusters > li")).isEmpty());
        assertThat(driver.findElement(By.id("progress-summary")).getAttribute("textContent")).contains("searching");
        shot("2-streaming");
        wait.until(ExpectedConditions.attributeContains(By.id("progress-summary"), "textContent", "search finished"));
        WebElement dead = driver.findElement(By.cssSelector("#progress li[data-target=dead]"));
        assertThat(dead.getAttribute("class")).isEqualTo("failed");
        assertThat(dead.getText()).contains("Closed library").contains("failed");
        assertThat(driver.findElement(By.cssSelector("#progress li[data-target=zebra]")).getText()).contains("answered")
                .contains("10 hits");
        assertThat(noSideScroll()).as("the page fits a 360 px wide screen").isTrue();
        shot("3-finished");

        int all = driver.findElements(By.cssSelector("#clusters > li")).size();
        WebElement facet = narrowingFacet(all);
        int expected = Integer.parseInt(facet.findElement(By.xpath("./following-sibling::span[@class='count']")).getText()
                .replaceAll("[()]", ""));
        String field = facet.getAttribute("data-field");
        String value = facet.getAttribute("data-value");
        facet.sendKeys(Keys.SPACE);  // the keyboard's way to tick a checkbox

        wait.until(d -> d.findElements(By.cssSelector("#clusters > li")).size() == expected);
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith("Showing " + expected + " of " + all);
        assertThat(driver.switchTo().activeElement().getAttribute("data-value")).isEqualTo(value);  // focus kept
        assertThat(driver.findElement(By.cssSelector("#facets input[data-field='" + field + "'][data-value='" + value + "']"))
                .isSelected()).isTrue();
        shot("4-filtered");

        WebElement borrow = driver.findElement(By.cssSelector("#clusters > li button.borrow"));
        String cluster = borrow.findElement(By.xpath("./ancestor::li[@data-cluster]")).getAttribute("data-cluster");
        borrow.sendKeys(Keys.ENTER);
        WebElement requester = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("borrow-requester")));
        assertThat(driver.switchTo().activeElement()).isEqualTo(requester);
        shot("5-borrow-dialog");
        requester.sendKeys("ISIL:XX-ASK");
        driver.findElement(By.id("borrow-patron")).sendKeys("reader 42", Keys.ENTER);

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-cluster='" + cluster + "'] .borrow-result")));
        assertThat(answer.getText()).contains("asked first");
        assertThat(answer.findElements(By.cssSelector("ol li"))).isNotEmpty();
        Matcher id = Pattern.compile("Request (portal-[0-9a-f]+) planned").matcher(answer.getText());
        assertThat(id.find()).as(answer.getText()).isTrue();
        assertThat(desk.request(id.group(1)).orElseThrow().state()).isEqualTo(RequestState.PLANNED);
        shot("6-borrowed");

        driver.manage().window().setSize(new Dimension(1280, 900));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        shot("7-wide");
    }

    /** A facet checkbox whose count is below the number of clusters, so ticking it must narrow the list. */
    private static WebElement narrowingFacet(int clusters) {
        List<WebElement> boxes = driver.findElements(By.cssSelector("#facets input[type=checkbox]"));
        for (WebElement b : boxes) {
            String count = b.findElement(By.xpath("./following-sibling::span[@class='count']")).getText();
            int n = Integer.parseInt(count.replaceAll("[()]", ""));
            if (n > 0 && n < clusters) {
                return b;
            }
        }
        throw new AssertionError("no facet value narrows the " + clusters + " clusters; facets: "
                + driver.findElement(By.id("facets")).getText());
    }

    private static boolean noSideScroll() {
        Object fits = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(fits);
    }

    private static void shot(String name) throws IOException {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
