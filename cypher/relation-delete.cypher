UNWIND $ids AS id
MATCH ()-[r:$$TYPE$$ {id: id}]->()
DELETE r
