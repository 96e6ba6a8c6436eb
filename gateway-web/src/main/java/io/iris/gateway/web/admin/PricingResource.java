package io.iris.gateway.web.admin;

import io.iris.gateway.governance.accounting.Price;
import io.iris.gateway.governance.accounting.PriceSpec;
import io.iris.gateway.governance.accounting.PricingAdmin;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import java.math.BigDecimal;

@Path("api/pricing")
@Produces(MediaType.APPLICATION_JSON)
public class PricingResource {
    @Inject
    PricingAdmin pricing;

    public record PriceView(UUID id, String provider, String model, BigDecimal inputPerMillion,
                            BigDecimal outputPerMillion, Instant createdAt, Instant updatedAt) {
        static PriceView of(Price p) {
            return new PriceView(p.getId(), p.getProvider(), p.getModel(), Amounts.plain(p.getInputPerMillion()),
                    Amounts.plain(p.getOutputPerMillion()), p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    @GET
    public ListView<PriceView> list() {
        return new ListView<>(pricing.list().stream().map(PriceView::of).toList());
    }

    @GET
    @Path("{id}")
    public PriceView get(@PathParam("id") String id) {
        return PriceView.of(pricing.get(Ids.parse("price", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        Price created = pricing.create(JsonBodies.read(body, PricingResource::spec));
        return AdminResponses.created(uri, created.getId().toString(), PriceView.of(created));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PriceView replace(@PathParam("id") String id, String body) {
        UUID priceId = Ids.parse("price", id);
        return PriceView.of(pricing.replace(priceId, JsonBodies.read(body, PricingResource::spec)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        pricing.delete(Ids.parse("price", id));
        return AdminResponses.noContent();
    }

    private static PriceSpec spec(JsonInput in) {
        return new PriceSpec(in.string("provider"), in.string("model"), in.decimal("input_per_million"),
                in.decimal("output_per_million"));
    }
}
