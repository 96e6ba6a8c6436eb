package io.iris.gateway.routing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class RuleScopeConverter implements AttributeConverter<RuleScope, String> {
    @Override
    public String convertToDatabaseColumn(RuleScope scope) {
        return scope == null ? null : scope.wireName();
    }

    @Override
    public RuleScope convertToEntityAttribute(String column) {
        return column == null ? null : RuleScope.fromWireName(column)
                .orElseThrow(() -> new IllegalStateException("unknown rule scope in the database: " + column));
    }
}
