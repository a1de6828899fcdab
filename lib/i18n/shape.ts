/** The shape of a catalogue: the same keys, any words. The English catalogue must have exactly the Japanese one's. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
