package it.proxy;

import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.GovernanceIT.REQUEST_COST;
import static it.proxy.GovernanceIT.budgetOf;
import static it.proxy.GovernanceIT.chat;
import static it.proxy.GovernanceIT.created;
import static it.proxy.DataPlane.pricedProvider;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Gateway;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Budget usage survives a restart of the server: flushed at shutdown, restored into the live counters. */
class UsageRestartIT {

    @Test
    void restart_rightAfterARequest_usageKeptAndStillEnforced() {
        String target = pricedProvider(scriptedKey(""));
        JsonObject vk = created("/api/virtual-keys", object().add("name", unique("restart-vk"))
                .add("budgets", array(budgetOf(2 * REQUEST_COST - 1))));
        String value = vk.getString("value");
        assertEquals(200, chat(value, target + "/gpt-4o").statusCode());

        // No wait for the periodic flush: the shutdown flush must carry the last request.
        Gateway.restart();

        double stored = admin("GET", "/api/virtual-keys/" + vk.getString("id")).json().getJsonArray("budgets")
                .getJsonObject(0).getJsonNumber("current_usage").doubleValue();
        assertEquals(REQUEST_COST, stored, 1e-9);
        assertEquals(200, chat(value, target + "/gpt-4o").statusCode(), "$6 of $11 used: admitted");
        assertEquals(402, chat(value, target + "/gpt-4o").statusCode(), "$12 of $11 used: refused");
    }
}
