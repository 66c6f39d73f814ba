package io.zintrust.socket.plugins;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceFileTest {

    @Test
    void one_class_name_a_line_in_order() throws Exception {
        assertEquals(List.of("com.example.First", "com.example.Second"),
                ServiceFile.classNames("com.example.First\ncom.example.Second\n"));
    }

    @Test
    void comments_blank_lines_and_surrounding_blanks_are_ignored_whatever_the_line_ends() throws Exception {
        assertEquals(List.of("com.example.First", "com.example.Second"), ServiceFile.classNames(
                "# the policies\r\n\r\n  com.example.First  # the main one\r\t com.example.Second\t\n#"));
    }

    @Test
    void a_name_listed_twice_is_listed_once() throws Exception {
        assertEquals(List.of("com.example.First"), ServiceFile.classNames("com.example.First\ncom.example.First"));
    }

    @Test
    void nested_and_default_package_classes_are_class_names_too() throws Exception {
        assertEquals(List.of("com.example.Outer$Inner", "Plain"), ServiceFile.classNames("com.example.Outer$Inner\nPlain"));
    }

    @Test
    void an_empty_file_lists_nothing() throws Exception {
        assertEquals(List.of(), ServiceFile.classNames(""));
    }

    @Test
    void a_line_that_is_not_a_class_name_is_an_error_naming_the_line() {
        for (String bad : List.of("com.example.Two Names", "com..example.First", "com.example.", "1com.example.First",
                "com.example.First;")) {
            ServiceFile.InvalidServiceFile error = assertThrows(ServiceFile.InvalidServiceFile.class,
                    () -> ServiceFile.classNames("com.example.Fine\n" + bad));
            assertTrue(error.getMessage().startsWith("line 2 is not a class name"), error.getMessage());
        }
    }
}
