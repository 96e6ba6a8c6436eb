package io.iris.gateway.persistence;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** Stores a list of strings as a JSON array in one text column; the list is always read whole. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        if (values != null) {
            values.forEach(array::add);
        }
        return array.build().toString();
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(column))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
