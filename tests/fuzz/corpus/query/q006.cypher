MATCH (n)
WHERE n.name = '未闭合
RETURN n