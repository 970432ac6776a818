package io.accord.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With the default configuration (no origins) CORS is off: no response carries a CORS header. */
@QuarkusTest
class CorsTest {

    @Test
    void withoutConfiguredOriginsAPreflightGetsNoCorsHeaders() {
        given().header("Origin", "http://app.example.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/alerts")
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void withoutConfiguredOriginsARealRequestGetsNoCorsHeaders() {
        Api.admin().header("Origin", "http://app.example.test").get("/api/v1/alerts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }
}
