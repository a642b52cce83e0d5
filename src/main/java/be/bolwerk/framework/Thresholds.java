package be.bolwerk.framework;

import java.math.BigDecimal;

/**
 * When an organisation reaches the framework's target level: every key measure, every area and the total at
 * least at these scores (0–5). The default follows the Belgian CyFun method.
 */
public record Thresholds(BigDecimal keyMeasureMinimum, BigDecimal areaMinimum, BigDecimal totalMinimum) {

    public static final Thresholds CYFUN =
            new Thresholds(new BigDecimal("3.0"), new BigDecimal("3.0"), new BigDecimal("3.5"));
}
