/**
 * The МИС Renovatio connector: reads only the fact, date and amount of clinic visits and a keyed hash of the
 * patient's phone; names of services, doctors and diagnoses never leave the medical system (seed 003,
 * "Врачебная тайна").
 */
@NullMarked
package io.krug.integrations.connector.renovatio;

import org.jspecify.annotations.NullMarked;
