package dev.baton.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a browser keeps between requests: the CSRF cookie and, once signed in, the session. */
public final class BrowserSession {

  private String csrf;
  private String session;

  /** Loads the login page, as a browser does first; the answer sets the CSRF cookie. */
  public static BrowserSession open() {
    BrowserSession browser = new BrowserSession();
    Response page = given().accept(ContentType.HTML).get("/login.html");
    page.then().statusCode(200);
    browser.csrf = page.getCookie("XSRF-TOKEN");
    assertThat(browser.csrf).as("XSRF-TOKEN cookie of the login page").isNotBlank();
    return browser;
  }

  public Response signIn(String user, String password) {
    Response response =
        cookies(given())
            .header("X-XSRF-TOKEN", csrf)
            .header("X-Requested-With", "XMLHttpRequest")
            .accept(ContentType.JSON)
            .contentType(ContentType.URLENC)
            .formParam("username", user)
            .formParam("password", password)
            .post("/login");
    remember(response);
    return response;
  }

  /** A request as the console's fetch wrapper sends it: cookies and the token header. */
  public RequestSpecification request() {
    return withoutToken().header("X-XSRF-TOKEN", csrf);
  }

  public RequestSpecification withoutToken() {
    return cookies(given())
        .header("X-Requested-With", "XMLHttpRequest")
        .accept(ContentType.JSON)
        .contentType(ContentType.JSON);
  }

  private RequestSpecification cookies(RequestSpecification request) {
    RequestSpecification withCsrf = request.cookie("XSRF-TOKEN", csrf);
    return session == null ? withCsrf : withCsrf.cookie("JSESSIONID", session);
  }

  private void remember(Response response) {
    String newSession = response.getCookie("JSESSIONID");
    if (newSession != null) {
      session = newSession;
    }
    String newCsrf = response.getCookie("XSRF-TOKEN");
    if (newCsrf != null && !newCsrf.isEmpty()) {
      csrf = newCsrf;
    }
  }
}
