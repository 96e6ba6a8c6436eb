package io.iris.gateway.providers;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class ProviderTypeConverter implements AttributeConverter<ProviderType, String> {
    @Override
    public String convertToDatabaseColumn(ProviderType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public ProviderType convertToEntityAttribute(String column) {
        return column == null ? null : ProviderType.fromWireName(column)
                .orElseThrow(() -> new IllegalStateException("unknown provider type in the database: " + column));
    }
}
