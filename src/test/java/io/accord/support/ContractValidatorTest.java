package io.accord.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract validator itself: it accepts what a contract declares and names every kind of departure from it. */
class ContractValidatorTest {

    private static final String CONTRACT = """
            openapi: 3.1.0
            paths:
              /api/v1/things/{key}:
                get:
                  operationId: getThing
                  responses:
                    "200":
                      description: The thing
                      headers:
                        ETag:
                          required: true
                          schema: {type: string}
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
                    "404": {$ref: "#/components/responses/Problem"}
                delete:
                  operationId: deleteThing
                  responses:
                    "204": {description: Deleted}
            components:
              responses:
                Problem:
                  description: A problem
                  content:
                    application/problem+json:
                      schema: {$ref: "#/components/schemas/Problem"}
              schemas:
                Thing:
                  type: object
                  required: [key, note, createdAt]
                  properties:
                    key: {type: string, pattern: "^[a-z]+$"}
                    note: {type: [string, "null"]}
                    createdAt: {type: string, format: date-time}
                Problem:
                  type: object
                  required: [type, status]
                  properties:
                    type: {type: string}
                    status: {type: integer}
            """;

    private final ContractValidator validator = validator(CONTRACT);

    @Test
    void acceptsAResponseTheContractDeclares() {
        ContractValidator.Verdict verdict = validator.validate(ok("{\"key\":\"a\",\"note\":null,\"createdAt\":\"2026-11-20T16:00:00Z\"}"));
        assertEquals(List.of(), verdict.violations());
        assertEquals("GET /api/v1/things/{key} (getThing)", verdict.operation());
        assertEquals(List.of(), validator.validate(
                new ContractValidator.Exchange("DELETE", "/api/v1/things/a", 204, null, Map.of(), "")).violations());
    }

    @Test
    void rejectsAStatusTheOperationDoesNotDeclare() {
        ContractValidator.Verdict verdict = validator.validate(new ContractValidator.Exchange("DELETE", "/api/v1/things/a",
                406, "application/problem+json", Map.of(), "{\"type\":\"x\",\"status\":406}"));
        assertEquals(List.of("status 406 is not declared (declared: 204)"), verdict.violations());
        assertTrue(verdict.operation().contains("deleteThing"), verdict.operation());
    }

    @Test
    void rejectsABodyThatBreaksTheSchema() {
        List<String> violations = validator.validate(ok("{\"key\":\"A B\",\"createdAt\":\"yesterday\"}")).violations();
        assertEquals(3, violations.size(), violations.toString());
        assertAny(violations, "note", "required");
        assertAny(violations, "/key", "pattern");
        assertAny(violations, "/createdAt", "date-time");
        List<String> notJson = validator.validate(ok("not json")).violations();
        assertEquals(1, notJson.size(), notJson.toString());
        assertAny(notJson, "the body is not JSON");
    }

    @Test
    void rejectsAProblemWhoseStatusIsNotAnInteger() {
        ContractValidator.Verdict verdict = validator.validate(new ContractValidator.Exchange("GET", "/api/v1/things/a",
                404, "application/problem+json", Map.of(), "{\"type\":\"x\",\"status\":\"won\"}"));
        assertEquals(1, verdict.violations().size(), verdict.violations().toString());
        assertAny(verdict.violations(), "/status", "integer");
    }

    @Test
    void rejectsAContentTypeTheResponseDoesNotDeclare() {
        assertEquals(List.of("content type 'text/html' is not declared (declared: application/problem+json)"),
                validator.validate(new ContractValidator.Exchange("GET", "/api/v1/things/a", 404, "text/html",
                        Map.of(), "<h1>Not found</h1>")).violations());
        assertEquals(List.of("the response declares no body, but one came (application/json)"),
                validator.validate(new ContractValidator.Exchange("DELETE", "/api/v1/things/a", 204,
                        "application/json", Map.of(), "{}")).violations());
    }

    @Test
    void rejectsAMissingRequiredHeader() {
        ContractValidator.Exchange noEtag = new ContractValidator.Exchange("GET", "/api/v1/things/a", 200,
                "application/json", Map.of(), "{\"key\":\"a\",\"note\":\"n\",\"createdAt\":\"2026-11-20T16:00:00Z\"}");
        assertEquals(List.of("required header 'ETag' is missing"), validator.validate(noEtag).violations());
    }

    @Test
    void anUndescribedRouteMayOnlyAnswerWithAProblem() {
        assertEquals(List.of(), validator.validate(new ContractValidator.Exchange("GET", "/api/v1/nothing", 404,
                "application/problem+json", Map.of(), "{\"type\":\"x\",\"status\":404}")).violations());
        List<String> noStatus = validator.validate(new ContractValidator.Exchange("PUT", "/api/v1/things/a", 405,
                "application/problem+json", Map.of(), "{\"type\":\"x\"}")).violations();
        assertEquals(1, noStatus.size(), noStatus.toString());
        assertAny(noStatus, "status");
        assertEquals(List.of("answered 200 on a route the contract does not describe"),
                validator.validate(new ContractValidator.Exchange("GET", "/api/v1/nothing", 200,
                        "application/json", Map.of(), "{}")).violations());
    }

    @Test
    void theCommittedContractRejectsAProblemWithTwoStatuses() {
        ContractValidator committed = ContractValidator.read(ContractValidator.CONTRACT);
        String body = "{\"type\":\"urn:accord:problem:invalid-transition\",\"title\":\"t\",\"status\":409,"
                + "\"detail\":\"d\",\"instance\":\"/x\",\"status\":\"won\"}";
        List<String> violations = committed.validate(new ContractValidator.Exchange("GET", "/api/v1/no-such-route",
                409, "application/problem+json", Map.of(), body)).violations();
        assertAny(violations, "/status");
    }

    @Test
    void theFilterFailsTheTestWithTheOperationStatusAndSchemaError() {
        ContractValidator.Exchange x = new ContractValidator.Exchange("GET", "/api/v1/things/a", 404,
                "application/problem+json", Map.of(), "{\"type\":\"x\",\"status\":\"won\"}");
        String message = ContractFilter.describe(validator.validate(x), x);
        assertAny(List.of(message), "GET /api/v1/things/{key} (getThing)", "answered: 404", "/status");
    }

    private static void assertAny(List<String> violations, String... parts) {
        assertTrue(violations.stream().anyMatch(v -> java.util.Arrays.stream(parts).allMatch(v::contains)),
                "expected one of " + violations + " to contain all of " + java.util.Arrays.toString(parts));
    }

    private static ContractValidator.Exchange ok(String body) {
        return new ContractValidator.Exchange("GET", "/api/v1/things/a", 200, "application/json;charset=UTF-8",
                Map.of("etag", "\"1\""), body);
    }

    private static ContractValidator validator(String yaml) {
        try {
            return new ContractValidator(new YAMLMapper().readTree(yaml));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
