// The searches the storage benchmark times (./storageWorker.mjs, searchQueries).
/** What newsroom editors type (half without marks, one phrase in quotes, one word still being typed). */
export const QUERIES = [
  'cần thơ', 'can tho', 'bình thủy', 'binh thuy', 'giá lúa tăng', 'gia lua tang', 'triều cường', 'trieu cuong',
  'sạt lở bờ sông', 'sat lo bo song', 'hội đồng nhân dân', 'hoi dong nhan dan', '"học tập suốt đời"', 'hoc tap suot doi',
  'ninh kiều dự án', 'ninh kieu du an', 'phong điền', 'phong dien', 'cử tri kiến nghị', 'cu tri kien ng',
];
