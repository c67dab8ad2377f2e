package io.quotaflow.activity.rates.web;

import io.quotaflow.activity.rates.RateService;
import io.quotaflow.activity.rates.RateTable;
import io.quotaflow.activity.rates.RatesInput;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Effective-dated currency rates into the reporting currency: admins write, admins, managers and integrations read. */
@RestController
@RequestMapping("/api/activities/rates")
class RatesController {

    private final RateService rates;

    RatesController(RateService rates) {
        this.rates = rates;
    }

    @PutMapping("/{currency}")
    ResponseEntity<RatesView> put(Caller caller, @PathVariable String currency, @RequestBody RatesInput input) {
        boolean created = rates.put(caller, currency, input);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(rates.get(caller, currency)));
    }

    @GetMapping("/{currency}")
    RatesView get(Caller caller, @PathVariable String currency) {
        return view(rates.get(caller, currency));
    }

    @GetMapping
    List<RatesView> all(Caller caller) {
        return rates.all(caller).stream().map(this::view).toList();
    }

    private RatesView view(RateTable table) {
        return new RatesView(table.currency(), rates.reportingCurrency(), table.entries());
    }

    /** A rate table as answered: one unit of {@code currency} is worth {@code rate} units of {@code reportingCurrency}. */
    record RatesView(String currency, String reportingCurrency, List<RateTable.Entry> entries) {
    }
}
