declare module '@dictionaries/vi/index.aff?raw' {
  const text: string;
  export default text;
}
declare module '@dictionaries/vi/index.dic?raw' {
  const text: string;
  export default text;
}
declare module '@dictionaries/en/index.aff?raw' {
  const text: string;
  export default text;
}
declare module '@dictionaries/en/index.dic?raw' {
  const text: string;
  export default text;
}
