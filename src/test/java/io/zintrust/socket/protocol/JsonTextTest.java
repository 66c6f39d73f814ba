package io.zintrust.socket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTextTest {

    private static JsonNumber number(String text) {
        return Json.createReader(new StringReader("[" + text + "]")).readArray().getJsonNumber(0);
    }

    @Test
    void exactly_one_object_is_accepted() {
        assertTrue(JsonText.object("{\"a\":1}").isPresent());
        assertEquals(Optional.empty(), JsonText.object("{\"a\":1} {}"));
        assertEquals(Optional.empty(), JsonText.object("[1]"));
        assertEquals(Optional.empty(), JsonText.object(""));
    }

    @Test
    void deeply_nested_input_is_refused_not_thrown() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals(Optional.empty(), JsonText.object(deep));
    }

    @Test
    void numeric_ids_take_their_javascript_form_and_absurd_numbers_are_refused_cheaply() {
        assertEquals(Optional.of("10"), JsonText.idOf(number("10.0")));
        assertEquals(Optional.of("1000"), JsonText.idOf(number("1e3")));
        assertEquals(Optional.empty(), JsonText.idOf(number("1e300000000")));
        assertEquals(Optional.empty(), JsonText.idOf(number("1e-300000000")));
        assertEquals(Optional.empty(), JsonText.idOf(number("1" + "0".repeat(60))));
    }
}
