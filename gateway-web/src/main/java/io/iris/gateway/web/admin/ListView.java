package io.iris.gateway.web.admin;

import java.util.List;

/** Every admin list: {@code {"data": [...]}}, leaving room for paging fields later. */
public record ListView<T>(List<T> data) {
}
