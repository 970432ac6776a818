package io.accord.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that parses but is refused ({@link InputText}, {@link InstantRange}). Jackson adds the field path on
 * the way out; {@link ProblemMappers} answers 400 naming the field with {@link #reason()}.
 */
public class RefusedInputException extends JsonMappingException {

    private final String reason;

    public RefusedInputException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
