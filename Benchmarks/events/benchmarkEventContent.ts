/** The JSON content of the n-th benchmark event: a small object like the kitchen tutorial's DishPrepared (about 60 bytes). */
export function benchmarkEventContent(n: number): string {
    return `{"Dish":"Bean Blaster Taco","Chef":"Mrs. Tex Mex","n":${n}}`;
}
