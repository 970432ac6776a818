package io.accord.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Every response an API test receives goes through the contract filter, and a response that breaks it fails. */
@QuarkusTest
class ContractFilterInstalledTest {

    @Test
    void everyRequestIsValidatedEvenOneThatBypassesApi() {
        assertTrue(RestAssured.filters().contains(ContractFilter.INSTANCE), "the contract filter is not installed");
        long before = ContractValidator.shared().validated();
        RestAssured.given().header("X-API-Key", Api.BOOTSTRAP_KEY).get("/api/v1/api-keys").then().statusCode(200);
        RestAssured.given().get("/api/v1/api-keys").then().statusCode(401);
        assertEquals(before + 2, ContractValidator.shared().validated());
    }

    @Test
    void aResponseThatBreaksTheContractFailsTheTest() {
        ObjectNode broken = ContractValidator.shared().documentCopy();
        ObjectNode list = (ObjectNode) broken.at("/paths/~1api~1v1~1api-keys/get/responses");
        list.remove("200");
        ContractFilter strict = new ContractFilter(new ContractValidator(broken));
        AssertionError failure = assertThrows(AssertionError.class, () -> Api.admin().filter(strict)
                .get("/api/v1/api-keys"));
        assertTrue(failure.getMessage().contains("GET /api/v1/api-keys (listApiKeys)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("status 200 is not declared"), failure.getMessage());
    }
}
